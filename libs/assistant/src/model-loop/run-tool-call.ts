import { AssistantError } from '../assistant-error';
import type { AssistantTool, ToolResult } from '../contract/tool';
import type { ModelToolCall, ModelToolResult } from './model-messages';

export interface ToolCallLimits {
  /** Rows a tool may return; longer tables are cut to this many. */
  readonly rowCap: number;
  /** Milliseconds a tool call may take before it is aborted. */
  readonly timeoutMs: number;
}

export interface ToolCallOutcome {
  readonly modelResult: ModelToolResult;
  /** The tool's result when it succeeded (its table, citations and SQL feed the answer). */
  readonly result?: ToolResult;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lists cut to `rowCap` items: the content itself when it is a list, or its list-valued fields. */
function cappedContent(content: unknown, rowCap: number): { content: unknown; cut: boolean } {
  if (Array.isArray(content)) return { content: content.slice(0, rowCap), cut: content.length > rowCap };
  if (content === null || typeof content !== 'object') return { content, cut: false };
  let cut = false;
  const fields = Object.entries(content).map(([key, value]) => {
    if (!Array.isArray(value) || value.length <= rowCap) return [key, value];
    cut = true;
    return [key, value.slice(0, rowCap)];
  });
  return { content: Object.fromEntries(fields), cut };
}

/** A result whose table and content lists hold at most `rowCap` rows, whatever the tool returned. */
function capped(result: ToolResult, rowCap: number): { result: ToolResult; truncated: boolean } {
  const content = cappedContent(result.content, rowCap);
  const rows = result.table?.rows ?? [];
  const table = result.table && rows.length > rowCap ? { ...result.table, rows: rows.slice(0, rowCap) } : result.table;
  return {
    result: { ...result, content: content.content, ...(table ? { table } : {}) },
    truncated: content.cut || rows.length > rowCap,
  };
}

/**
 * Runs one tool call the model asked for: an unknown tool, a failing tool and a tool that exceeds its time
 * all become error results the model reads (so it can correct itself), never an exception out of the loop.
 * The call gets its own AbortSignal that fires on the caller's signal or after `timeoutMs`.
 */
export async function runToolCall(
  call: ModelToolCall,
  tools: readonly AssistantTool[],
  limits: ToolCallLimits,
  signal?: AbortSignal,
): Promise<ToolCallOutcome> {
  const fail = (message: string): ToolCallOutcome => ({
    modelResult: { callId: call.id, name: call.name, content: { error: message }, isError: true },
  });
  const tool = tools.find((t) => t.name === call.name);
  if (!tool)
    return fail(`There is no tool named "${call.name}". The tools are: ${tools.map((t) => t.name).join(', ')}.`);
  signal?.throwIfAborted();

  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AssistantError(
        'tool-timeout',
        `The tool "${call.name}" took longer than ${limits.timeoutMs} ms and was stopped; ask for less data.`,
      );
      controller.abort(error);
      reject(error);
    }, limits.timeoutMs);
  });
  try {
    const raw = await Promise.race([
      tool.run(call.input, { signal: controller.signal, rowCap: limits.rowCap, timeoutMs: limits.timeoutMs }),
      timedOut,
    ]);
    const { result, truncated } = capped(raw, limits.rowCap);
    const content = truncated
      ? { result: result.content, note: `Only the first ${limits.rowCap} rows are shown.` }
      : result.content;
    return { modelResult: { callId: call.id, name: call.name, content, isError: false }, result };
  } catch (error) {
    signal?.throwIfAborted();
    return fail(errorMessage(error));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onOuterAbort);
  }
}
