import { VirtualClock } from '../../src/index';

/** A virtual clock that runs `hook` before the n-th wait (1-based) completes, once. */
export class HookedClock extends VirtualClock {
  private waits = 0;
  constructor(
    start: number,
    private readonly atWait: number,
    private readonly hook: () => Promise<void>,
  ) {
    super(start);
  }

  override async wait(ms: number): Promise<void> {
    this.waits++;
    if (this.waits === this.atWait) await this.hook();
    return super.wait(ms);
  }
}

/**
 * A clock whose waits never end by themselves, like a long real pause: they end only when the
 * simulator's signal aborts. `waiting` resolves when the first wait begins.
 */
export class StalledClock extends VirtualClock {
  private reached: () => void = () => undefined;
  readonly waiting = new Promise<void>((resolve) => (this.reached = resolve));

  override wait(_ms: number, signal?: AbortSignal): Promise<void> {
    this.reached();
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  }
}
