/** Timers the scheduler uses; tests inject a manual clock. */
export interface SchedulerClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const SYSTEM_CLOCK: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, Math.max(0, ms)),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A kind of work the platform does in the background: an ETL micro-batch, a CSV transfer, a crawl. */
export interface ScheduledTask {
  readonly name: string;
  /** Wait this long after the first request before running (requests meanwhile join it), and before a retry. */
  readonly delayMs: number;
  /** Does the work for every request since the last run (their triggers, in order); throws to be retried. */
  run(triggers: readonly string[]): Promise<void>;
}

interface Pending {
  due: number;
  readonly triggers: string[];
  readonly waiters: Array<(error: unknown) => void>;
}

/**
 * Runs the platform's background work one task at a time (never two runs at once, so an ETL run
 * never overlaps a transfer or a crawl). A request marks its task pending; the task runs once its
 * delay has passed, for every request made meanwhile. A run that throws is reported to `onError`
 * and runs again after the delay; nothing else stops. Tasks listed first run first when both are due.
 */
export class WorkScheduler {
  private readonly pending = new Map<string, Pending>();
  private current: Promise<void> | undefined;
  private currentName: string | undefined;
  private timer: unknown;
  private stopped = false;

  constructor(
    private readonly tasks: readonly ScheduledTask[],
    private readonly onError: (task: string, error: unknown) => void,
    private readonly clock: SchedulerClock = SYSTEM_CLOCK,
  ) {}

  /** The task running now, if any. */
  get running(): string | undefined {
    return this.currentName;
  }

  /** Asks for a run of `name` after its delay (joining a pending request). */
  request(name: string, trigger: string): void {
    this.enqueue(name, trigger, false);
    this.pump();
  }

  /**
   * Asks for a run of `name` as soon as nothing else runs; resolves once that run finished, with the
   * error it threw (it is retried like any failed run) or undefined.
   */
  runNow(name: string, trigger: string): Promise<unknown> {
    if (this.stopped) return Promise.resolve(new Error('the platform is stopping'));
    return new Promise((resolve) => {
      this.enqueue(name, trigger, true).waiters.push(resolve);
      this.pump();
    });
  }

  /** No new runs; resolves when the run in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    await this.current;
    for (const pending of this.pending.values())
      for (const waiter of pending.waiters) waiter(new Error('the platform stopped'));
    this.pending.clear();
  }

  private task(name: string): ScheduledTask {
    const task = this.tasks.find((t) => t.name === name);
    if (!task) throw new Error(`no scheduled task "${name}" (known: ${this.tasks.map((t) => t.name).join(', ')})`);
    return task;
  }

  private enqueue(name: string, trigger: string, now: boolean): Pending {
    const due = now ? this.clock.now() : this.clock.now() + this.task(name).delayMs;
    const existing = this.pending.get(name);
    if (existing) {
      existing.triggers.push(trigger);
      existing.due = Math.min(existing.due, due);
      return existing;
    }
    const created: Pending = { due, triggers: [trigger], waiters: [] };
    if (!this.stopped) this.pending.set(name, created);
    return created;
  }

  private pump(): void {
    if (this.current !== undefined || this.stopped) return;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    const now = this.clock.now();
    const next = this.tasks.find((t) => (this.pending.get(t.name)?.due ?? Infinity) <= now);
    if (!next) {
      const earliest = Math.min(...[...this.pending.values()].map((p) => p.due));
      if (Number.isFinite(earliest)) this.timer = this.clock.setTimer(() => this.pump(), earliest - now);
      return;
    }
    const work = this.pending.get(next.name) as Pending;
    this.pending.delete(next.name);
    this.currentName = next.name;
    this.current = this.execute(next, work).finally(() => {
      this.current = undefined;
      this.currentName = undefined;
      this.pump();
    });
  }

  private async execute(task: ScheduledTask, work: Pending): Promise<void> {
    let failure: unknown;
    try {
      await task.run(work.triggers);
    } catch (error) {
      failure = error;
      this.onError(task.name, error);
      if (!this.stopped) {
        const retry = this.enqueue(task.name, work.triggers.at(-1) ?? 'retry', false);
        retry.triggers.splice(0, retry.triggers.length, ...new Set([...work.triggers, ...retry.triggers]));
      }
    }
    for (const waiter of work.waiters) waiter(failure);
  }
}
