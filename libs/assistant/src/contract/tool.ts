import type { Citation, ResultTable } from './answer';

/** A JSON Schema object describing a tool's input (what a model is told to send). */
export interface JsonSchemaObject {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly [keyword: string]: unknown;
}

/** Limits every tool call runs under. */
export interface ToolContext {
  readonly signal: AbortSignal;
  /** At most this many rows go back to the caller (and into `content`). */
  readonly rowCap: number;
  /** The call is aborted after this long. */
  readonly timeoutMs: number;
}

export interface ToolResult {
  /** JSON the model sees (plain data: no functions, no class instances). */
  readonly content: unknown;
  readonly table?: ResultTable;
  readonly citations: readonly Citation[];
  /** The SQL the tool ran, when it ran one. */
  readonly sql?: string;
}

/** Something the answerer can call: a name, a description and an input schema a model reads, and `run`. */
export interface AssistantTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: JsonSchemaObject;
  /** Validates `input` itself (a model may send anything) and throws AssistantError `invalid-tool-input`. */
  run(input: unknown, ctx: ToolContext): Promise<ToolResult>;
}
