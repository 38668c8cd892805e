/** Which provider wrote an answer (re-exported by provider.ts, where the providers are defined). */
export type ProviderName = 'local' | 'bedrock' | 'openai-compatible';

/** A value in a result table, as the query executors return it (decimals as exact strings). */
export type CellValue = string | number | boolean | null;

/** Rows a tool returned, in column order. */
export interface ResultTable {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A chart that fits the answer's table: `x` and `y` name its columns. */
export interface ChartSuggestion {
  readonly kind: 'line' | 'bar';
  readonly x: string;
  readonly y: string;
  readonly title: string;
}

/** Where an answer's facts come from: a knowledge-base document, or a curated table at a commit instant. */
export type Citation =
  | { readonly kind: 'document'; readonly id: string; readonly title: string }
  | { readonly kind: 'table'; readonly table: string; readonly commit: string | null };

/** Order days an answer covers: `from` included, `to` excluded (YYYY-MM-DD), and how it was said ("May 2025"). */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export type AnswerOutcome = 'answered' | 'unanswerable' | 'refused';

/** What the assistant says: text written from tool results only, with the table, sources and SQL behind it. */
export interface Answer {
  readonly text: string;
  readonly table?: ResultTable;
  readonly chart?: ChartSuggestion;
  readonly citations: readonly Citation[];
  /** Every SQL statement that ran for this answer, in order. */
  readonly sql: readonly string[];
  readonly provider: ProviderName;
  readonly outcome: AnswerOutcome;
  readonly timeRange?: TimeRange;
}

/** What an answer streams while it is made; the last event is always `answer`. */
export type AnswerEvent =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'tool-call'; readonly tool: string; readonly input: unknown }
  | { readonly type: 'tool-result'; readonly tool: string; readonly summary: string }
  | { readonly type: 'answer'; readonly answer: Answer };
