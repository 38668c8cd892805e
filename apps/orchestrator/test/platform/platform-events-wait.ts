import type { PlatformEvent } from '../../src/platform/platform-events';

/** Collects a runtime's events and resolves waits on them (no sleeps: each wait ends with the event it names). */
export class EventLog {
  readonly events: PlatformEvent[] = [];
  private readonly waiters: Array<{ test: (e: PlatformEvent) => boolean; resolve: (e: PlatformEvent) => void }> = [];

  readonly listener = (event: PlatformEvent): void => {
    this.events.push(event);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  };

  /** The next event (from now on) that passes `test`. */
  next<T extends PlatformEvent>(test: (e: PlatformEvent) => e is T): Promise<T>;
  next(test: (e: PlatformEvent) => boolean): Promise<PlatformEvent>;
  next(test: (e: PlatformEvent) => boolean): Promise<PlatformEvent> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}
