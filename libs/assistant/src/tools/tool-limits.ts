import { isQueryError } from '@autocorp/query';
import { AssistantError, isAssistantError } from '../assistant-error';
import type { ToolContext } from '../contract/tool';

/** The limits a tool call runs under when the caller gives none. */
export const DEFAULT_TOOL_LIMITS = { rowCap: 200, timeoutMs: 15_000 } as const;

/**
 * Runs one tool call under its context: aborted when the caller's signal fires (AssistantError
 * `cancelled`) or after `timeoutMs` (`tool-timeout`); the read-only guard's refusal is `refused`;
 * any other failure is `tool-failed`, naming the tool, with the cause kept.
 */
export async function withToolLimits<T>(
  tool: string,
  ctx: ToolContext,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ctx.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout.signal]);
  try {
    if (ctx.signal.aborted) throw new AssistantError('cancelled', `The ${tool} call was cancelled before it started.`);
    return await new Promise<T>((resolve, reject) => {
      const onAbort = () =>
        reject(
          timeout.signal.aborted && !ctx.signal.aborted
            ? new AssistantError(
                'tool-timeout',
                `The ${tool} call took longer than ${ctx.timeoutMs} ms and was stopped; ask for less data (a shorter period, a lower limit).`,
              )
            : new AssistantError('cancelled', `The ${tool} call was cancelled.`),
        );
      signal.addEventListener('abort', onAbort, { once: true });
      run(signal)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  } catch (error) {
    if (isAssistantError(error)) throw error;
    if (isQueryError(error, 'refused'))
      throw new AssistantError('refused', `The ${tool} call was refused: ${error.message}`, { cause: error });
    if (isQueryError(error, 'cancelled'))
      throw new AssistantError('cancelled', `The ${tool} call was cancelled.`, { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    throw new AssistantError('tool-failed', `The ${tool} call failed: ${message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
