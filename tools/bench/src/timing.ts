/** Seconds taken by `task`, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ readonly seconds: number; readonly result: T }> {
  const started = performance.now();
  const result = await task();
  return { seconds: (performance.now() - started) / 1000, result };
}

/** Polls `ready` every `intervalMs` until it is true; fails with `onTimeout()` after `timeoutMs`. */
export async function waitFor(
  ready: () => boolean,
  options: {
    readonly timeoutMs: number;
    readonly intervalMs?: number;
    readonly onTimeout: () => Error;
    readonly check?: () => void;
  },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (!ready()) {
    options.check?.();
    if (performance.now() > deadline) throw options.onTimeout();
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
