import { QueryError } from '../query-error';

export function cancelledError(what: string, cause?: unknown): QueryError {
  return new QueryError(
    'cancelled',
    `${what} was cancelled before it finished.`,
    cause === undefined ? undefined : { cause },
  );
}

/** Throws QueryError `cancelled` when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw cancelledError(what, signal.reason);
}
