import { describe, expect, it } from 'vitest';
import { JobPhaseClock } from '../src/run/job-phases';

describe('a job run’s phase clock', () => {
  it('adds each phase’s time and statements, a phase entered again included, and the running one up to now', () => {
    let now = 0;
    let statements = 0;
    const clock = new JobPhaseClock(
      () => statements,
      () => now,
    );
    const spend = (ms: number, count: number) => {
      now += ms;
      statements += count;
    };
    clock.enter('listing');
    spend(10, 0);
    clock.enter('rules');
    spend(5, 3);
    clock.enter('batch');
    spend(2.25, 2);
    clock.enter('rules');
    spend(1, 1);
    expect(clock.times()).toEqual({
      listing: { ms: 10, statements: 0 },
      rules: { ms: 6, statements: 4 },
      batch: { ms: 2.3, statements: 2 },
    });
    clock.end();
    spend(100, 50);
    expect(clock.times()['rules']).toEqual({ ms: 6, statements: 4 });
  });
});
