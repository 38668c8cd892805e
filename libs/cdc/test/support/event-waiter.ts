interface Waiter<T> {
  readonly check: (value: T) => boolean | Promise<boolean>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
  busy: boolean;
  /** An event arrived while the check was running: check again with this one afterwards. */
  next: { value: T } | undefined;
}

/**
 * Collects the events a callback reports and waits for one that satisfies a condition: the
 * condition is checked on each event, never on a timer.
 */
export class EventWaiter<T> {
  readonly seen: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  /** Pass this as the callback (onBatch, onStatusSent, ...). */
  readonly listener = (value: T): void => {
    this.seen.push(value);
    for (const waiter of this.waiters) this.run(waiter, value);
  };

  /**
   * Resolves with the first event (from now on) for which `check` holds; rejects when `check` throws or
   * when `ended` (e.g. the runner's done promise) settles first.
   */
  until(check: (value: T) => boolean | Promise<boolean>, ended?: Promise<unknown>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { check, resolve, reject, busy: false, next: undefined };
      this.waiters.add(waiter);
      ended?.then(
        () => this.fail(waiter, new Error('the runner ended before the awaited event')),
        (error: unknown) => this.fail(waiter, error),
      );
    });
  }

  private fail(waiter: Waiter<T>, error: unknown): void {
    if (this.waiters.delete(waiter)) waiter.reject(error);
  }

  private run(waiter: Waiter<T>, value: T): void {
    if (waiter.busy) {
      waiter.next = { value };
      return;
    }
    waiter.busy = true;
    Promise.resolve()
      .then(() => waiter.check(value))
      .then(
        (ok) => {
          waiter.busy = false;
          if (!this.waiters.has(waiter)) return;
          if (ok) {
            this.waiters.delete(waiter);
            waiter.resolve(value);
            return;
          }
          const next = waiter.next;
          waiter.next = undefined;
          if (next) this.run(waiter, next.value);
        },
        (error: unknown) => this.fail(waiter, error),
      );
  }
}
