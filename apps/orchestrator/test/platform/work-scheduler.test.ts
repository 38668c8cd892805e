import { describe, expect, it } from 'vitest';
import { type ScheduledTask, WorkScheduler } from '../../src/platform/work-scheduler';
import { ManualClock } from './manual-clock';

/** A task whose runs the test finishes by hand, recording what each run was asked for. */
class ControlledTask implements ScheduledTask {
  readonly runs: string[][] = [];
  private finishers: Array<(error?: Error) => void> = [];
  started: () => void = () => undefined;

  constructor(
    readonly name: string,
    readonly delayMs: number,
  ) {}

  run(triggers: readonly string[]): Promise<void> {
    this.runs.push([...triggers]);
    this.started();
    return new Promise((resolve, reject) => {
      this.finishers.push((error) => (error ? reject(error) : resolve()));
    });
  }

  get inFlight(): number {
    return this.finishers.length;
  }

  /** Finishes the oldest run in flight and lets the scheduler react. */
  async finish(error?: Error): Promise<void> {
    const finisher = this.finishers.shift();
    if (!finisher) throw new Error(`${this.name} has no run in flight`);
    finisher(error);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

function setup(delays: Record<string, number>) {
  const clock = new ManualClock();
  const tasks = Object.entries(delays).map(([name, delay]) => new ControlledTask(name, delay));
  const errors: string[] = [];
  const scheduler = new WorkScheduler(
    tasks,
    (task, error) => errors.push(`${task}: ${(error as Error).message}`),
    clock,
  );
  const task = (name: string) => tasks.find((t) => t.name === name) as ControlledTask;
  return { clock, scheduler, task, errors };
}

describe('WorkScheduler', () => {
  it('runs a task once its delay has passed, for every request made meanwhile (debounced)', () => {
    const { clock, scheduler, task } = setup({ etl: 1000 });
    scheduler.request('etl', 'micro-batch');
    clock.advance(400);
    scheduler.request('etl', 'micro-batch');
    scheduler.request('etl', 'csv');
    clock.advance(599);
    expect(task('etl').runs).toEqual([]);
    clock.advance(1);
    expect(task('etl').runs).toEqual([['micro-batch', 'micro-batch', 'csv']]);
  });

  it('never runs two tasks at once; requests during a run make exactly one more run after it', async () => {
    const { clock, scheduler, task } = setup({ 'csv-transfer': 0, etl: 100, crawl: 0 });
    scheduler.request('etl', 'micro-batch');
    clock.advance(100);
    expect(scheduler.running).toBe('etl');
    scheduler.request('etl', 'micro-batch');
    scheduler.request('crawl', 'schema');
    scheduler.request('etl', 'micro-batch');
    clock.advance(1000);
    expect(task('crawl').runs).toEqual([]);
    expect(task('etl').inFlight).toBe(1);
    await task('etl').finish();
    // Both are due: the task listed first goes first, the other waits for it.
    expect(scheduler.running).toBe('etl');
    expect(task('crawl').inFlight).toBe(0);
    await task('etl').finish();
    expect(scheduler.running).toBe('crawl');
    await task('crawl').finish();
    expect(task('etl').runs).toEqual([['micro-batch'], ['micro-batch', 'micro-batch']]);
    expect(scheduler.running).toBeUndefined();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a due task passed over once runs next, even when the task listed first is due again', async () => {
    const { clock, scheduler, task } = setup({ etl: 100, 'etl-cycle': 0 });
    scheduler.request('etl', 'micro-batch');
    clock.advance(100);
    // While the operational run runs, its follow-up and the next micro-batch are asked for.
    scheduler.request('etl-cycle', 'micro-batch');
    scheduler.request('etl', 'micro-batch');
    clock.advance(100);
    await task('etl').finish();
    // Both are due: the task listed first goes first; etl-cycle is passed over.
    expect(scheduler.running).toBe('etl');
    scheduler.request('etl', 'micro-batch');
    clock.advance(100);
    await task('etl').finish();
    // etl is due again, but etl-cycle was passed over once: it goes now.
    expect(scheduler.running).toBe('etl-cycle');
    await task('etl-cycle').finish();
    expect(scheduler.running).toBe('etl');
    await task('etl').finish();
    expect(task('etl').runs).toHaveLength(3);
    expect(task('etl-cycle').runs).toEqual([['micro-batch']]);
  });

  it('reports a failed run and runs it again after the delay; the scheduler keeps going', async () => {
    const { clock, scheduler, task, errors } = setup({ etl: 50 });
    scheduler.request('etl', 'micro-batch');
    clock.advance(50);
    await task('etl').finish(new Error('disk full'));
    expect(errors).toEqual(['etl: disk full']);
    expect(task('etl').runs).toHaveLength(1);
    clock.advance(49);
    expect(task('etl').runs).toHaveLength(1);
    clock.advance(1);
    expect(task('etl').runs).toEqual([['micro-batch'], ['micro-batch']]);
    await task('etl').finish();
    expect(errors).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('runNow runs at once and resolves with the outcome of that run', async () => {
    const { scheduler, task } = setup({ etl: 10_000 });
    const outcome = scheduler.runNow('etl', 'startup');
    expect(task('etl').runs).toEqual([['startup']]);
    await task('etl').finish(new Error('boom'));
    expect(((await outcome) as Error).message).toBe('boom');
  });

  it('stop waits for the run in progress and starts nothing after it', async () => {
    const { clock, scheduler, task } = setup({ etl: 10 });
    scheduler.request('etl', 'micro-batch');
    clock.advance(10);
    scheduler.request('etl', 'micro-batch');
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    await task('etl').finish();
    await stopping;
    clock.advance(1000);
    scheduler.request('etl', 'micro-batch');
    clock.advance(1000);
    expect(task('etl').runs).toHaveLength(1);
  });
});
