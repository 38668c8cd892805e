/** The chat contract's shapes as this app uses them (the contract lives in @autocorp/platform-client). */
export type ProviderName = 'local' | 'bedrock' | 'openai-compatible';
export type CellValue = string | number | boolean | null;
export interface ChatAnswer {
  readonly text: string;
  readonly table?: {
    readonly columns: readonly { readonly name: string; readonly type: string }[];
    readonly rows: readonly (readonly CellValue[])[];
  };
  readonly chart?: { readonly kind: 'line' | 'bar'; readonly x: string; readonly y: string; readonly title: string };
  readonly citations: readonly (
    | { readonly kind: 'document'; readonly id: string; readonly title: string }
    | { readonly kind: 'table'; readonly table: string; readonly commit: string | null }
  )[];
  readonly sql: readonly string[];
  readonly provider: ProviderName;
  readonly outcome: 'answered' | 'unanswerable' | 'refused';
  readonly timeRange?: { readonly from: string; readonly to: string; readonly label: string };
}
export type ChatStreamEvent =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'tool-call'; readonly tool: string; readonly input: unknown }
  | { readonly type: 'tool-result'; readonly tool: string; readonly summary: string }
  | { readonly type: 'answer'; readonly answer: ChatAnswer; readonly conversationId: string }
  | { readonly type: 'error'; readonly kind: string; readonly message: string };
export interface ChatInfo {
  readonly provider: ProviderName;
  readonly model: string | null;
  readonly ready: boolean;
  readonly reason: string | null;
  readonly starters: readonly string[];
}
