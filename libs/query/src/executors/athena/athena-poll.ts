/** Exponential backoff for polling GetQueryExecution. */
export interface PollPolicy {
  /** First wait, in ms (default 200). */
  readonly initialDelayMs: number;
  /** Longest wait, in ms (default 5000). */
  readonly maxDelayMs: number;
  /** Growth per poll (default 2). */
  readonly multiplier: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { initialDelayMs: 200, maxDelayMs: 5000, multiplier: 2 };

/** The wait before poll number `attempt` (0-based). */
export function pollDelay(policy: PollPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** attempt);
}

/** Waits `ms`, or rejects early with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
