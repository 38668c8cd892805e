import { describe, expect, it } from 'vitest';
import { type ProgressEvent, startProgress } from '../src/index';

function steppingClock(start: number, step: number): () => number {
  let now = start - step;
  return () => (now += step);
}

describe('startProgress', () => {
  it('emits start, one advance per delta and one finish, with the running count and the clock', () => {
    const events: ProgressEvent[] = [];
    const deltas = [3, 0, 5, 2];
    const task = startProgress(
      (e) => events.push(e),
      { stage: 'full-load', subject: 'pg_customers', unit: 'rows', total: 10 },
      steppingClock(1000, 10),
    );
    for (const d of deltas) task.advance(d);
    task.finish();
    task.finish();
    task.advance(4);

    const nonZero = deltas.filter((d) => d !== 0);
    expect(events.map((e) => e.phase)).toEqual(['start', ...nonZero.map(() => 'advance'), 'finish']);
    const running = nonZero.map((_, i) => nonZero.slice(0, i + 1).reduce((a, b) => a + b, 0));
    expect(events.map((e) => e.done)).toEqual([0, ...running, running.at(-1)]);
    expect(task.done).toBe(running.at(-1));
    expect(new Set(events.map((e) => e.startedAt))).toEqual(new Set([1000]));
    expect(events.map((e) => e.at)).toEqual(events.map((_, i) => 1000 + 10 * i));
    for (const e of events)
      expect({ stage: e.stage, subject: e.subject, unit: e.unit, total: e.total }).toEqual({
        stage: 'full-load',
        subject: 'pg_customers',
        unit: 'rows',
        total: 10,
      });
  });

  it('reports an unknown total as undefined and does nothing without a listener', () => {
    const events: ProgressEvent[] = [];
    startProgress((e) => events.push(e), { stage: 'hudi-write', subject: 'upsert t', unit: 'files' }).finish();
    expect(events.map((e) => [e.phase, e.total])).toEqual([
      ['start', undefined],
      ['finish', undefined],
    ]);
    const silent = startProgress(undefined, { stage: 'etl', subject: 'jobs', unit: 'jobs', total: 2 });
    silent.advance(1);
    silent.finish();
    expect(silent.done).toBe(0);
  });
});
