import type { ProviderName } from '../contract/provider';

/** A tool the model may call, as every provider API describes one: name, description, JSON Schema of its input. */
export interface ModelToolSpec {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
}

/** A tool call the model asked for; `id` pairs it with its result (Bedrock toolUseId, OpenAI tool_call_id). */
export interface ModelToolCall {
  readonly id: string;
  readonly name: string;
  readonly input: unknown;
}

/** What a tool call returned (or why it failed), as the model sees it. */
export interface ModelToolResult {
  readonly callId: string;
  readonly name: string;
  /** JSON the model reads. */
  readonly content: unknown;
  readonly isError: boolean;
}

/** One message of the conversation the loop keeps, independent of the provider's wire format. */
export type ModelMessage =
  | { readonly role: 'user'; readonly text: string }
  | { readonly role: 'assistant'; readonly text: string; readonly toolCalls: readonly ModelToolCall[] }
  | { readonly role: 'tool'; readonly results: readonly ModelToolResult[] };

export type ModelStopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'content_filtered' | 'other';

/** The model's reply to one request: its text, the tools it wants run, why it stopped. */
export interface ModelReply {
  readonly text: string;
  readonly toolCalls: readonly ModelToolCall[];
  readonly stopReason: ModelStopReason;
}

export interface ModelRequest {
  readonly system: string;
  readonly messages: readonly ModelMessage[];
  readonly tools: readonly ModelToolSpec[];
  readonly signal?: AbortSignal;
  /** Streamed text as the model writes it. */
  readonly onTextDelta?: (text: string) => void;
}

/** A chat model with tool use: one request/reply round of the loop (Bedrock Converse, OpenAI chat completions). */
export interface ChatModel {
  readonly provider: Exclude<ProviderName, 'local'>;
  /** The model id, for messages. */
  readonly modelId: string;
  complete(request: ModelRequest): Promise<ModelReply>;
}
