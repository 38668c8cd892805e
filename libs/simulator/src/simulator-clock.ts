/**
 * Where the simulator gets its time and its pauses: the system clock in production, a virtual
 * clock in tests (no sleeps) and benchmarks. Times are milliseconds since the epoch.
 */
export interface SimulatorClock {
  now(): number;
  /** Resolves after `ms` milliseconds, or early when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  wait(ms, signal) {
    return new Promise<void>((resolve) => {
      if (signal.aborted || ms <= 0) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  },
};

/** A clock that only moves when the simulator waits: every wait returns at once, `ms` later. */
export class VirtualClock implements SimulatorClock {
  /** Total milliseconds waited, for checking the pacing. */
  waited = 0;
  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  wait(ms: number): Promise<void> {
    const step = Math.max(0, ms);
    this.time += step;
    this.waited += step;
    return Promise.resolve();
  }
}
