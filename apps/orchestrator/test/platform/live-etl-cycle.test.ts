import type { CommittedPosition, RunReport } from '@autocorp/etl';
import { JOBS, jobByName } from '@autocorp/etl-jobs';
import { describe, expect, it } from 'vitest';
import { CYCLE_STEPS, HOT_JOBS, LiveEtlCycle } from '../../src/platform/live-etl-cycle';

const position = (lsn: number): CommittedPosition => ({
  lsn: BigInt(lsn),
  seq: 1,
  text: { lsn: `0/${lsn.toString(16).toUpperCase()}`, seq: 1 },
});

/** A run report as runJobs returns it, with the given status. */
function report(job: string, status: RunReport['status']): RunReport {
  const at = new Date(0).toISOString();
  return {
    runId: `run-${job}`,
    job,
    status,
    startedAt: at,
    finishedAt: at,
    counts: { read: 0, written: 0, inserted: 0, updated: 0, deleted: 0, quarantined: 0 },
    timings: { readMs: 0, transformMs: 0, qualityMs: 0, writeMs: 0, totalMs: 0 },
    rules: [],
    instants: [],
    inputFiles: [],
  };
}
const committedReports = (jobs: readonly string[]) => jobs.map((job) => report(job, 'committed'));

/** Runs one cycle's steps (stopping early when the cycle ends), returning each step as next() gave it. */
function drain(cycle: LiveEtlCycle, onStep?: (index: number) => void) {
  const steps = [];
  for (let i = 0; i < CYCLE_STEPS.length; i++) {
    const step = cycle.next();
    if (!step) break;
    onStep?.(i);
    steps.push(step);
    cycle.stepDone(committedReports(step.jobs));
  }
  return steps;
}

describe('the live ETL cycle', () => {
  it('runs every job that is not hot, each after the jobs it depends on', () => {
    const hot = new Set(HOT_JOBS);
    const cycleJobs = CYCLE_STEPS.flat();
    expect(new Set(cycleJobs)).toEqual(new Set(JOBS.map((j) => j.name as string).filter((name) => !hot.has(name))));
    // Every hot job's dependencies are hot too, so a hot run is complete on its own.
    for (const name of HOT_JOBS) for (const dep of jobByName(name).dependsOn) expect(hot.has(dep)).toBe(true);
    // Within the cycle, each job runs (at least its last time) after every cycle job it depends on: in
    // an earlier step, or in the same one (runJobs runs a step's jobs in dependency order).
    const steps = CYCLE_STEPS.map((jobs) => new Set(jobs));
    for (const name of new Set(cycleJobs)) {
      const last = steps.findLastIndex((s) => s.has(name));
      for (const dep of jobByName(name).dependsOn.filter((d) => !hot.has(d)))
        expect(
          steps.findIndex((s) => s.has(dep)),
          `${dep} before ${name}`,
        ).toBeLessThanOrEqual(last);
    }
  });

  it('starts with a hot run; every step reads up to that run, even when hot runs read further meanwhile', () => {
    const cycle = new LiveEtlCycle();
    expect(cycle.next()).toBeUndefined();
    cycle.hotRunDone(position(0x100), committedReports(HOT_JOBS));
    const steps = drain(cycle, (i) => cycle.hotRunDone(position(0x200 + i), committedReports(HOT_JOBS)));
    expect(steps.map((s) => s.jobs)).toEqual(CYCLE_STEPS);
    for (const step of steps) expect(step.committed).toEqual(position(0x100));
    // The hot runs read further while it ran: the next cycle starts at once, at the latest of them.
    const latest = position(0x200 + CYCLE_STEPS.length - 1);
    expect(cycle.next()?.committed).toEqual(latest);
    expect(drain(cycle)).toHaveLength(CYCLE_STEPS.length);
    // Nothing read further since: no cycle until the next hot run.
    expect(cycle.next()).toBeUndefined();
    cycle.hotRunDone(latest, committedReports(HOT_JOBS));
    expect(cycle.next()?.jobs).toEqual(CYCLE_STEPS[0]);
  });

  it('blocks the jobs depending on one that did not commit in the cycle, and starts the next cycle clean', () => {
    const cycle = new LiveEtlCycle();
    cycle.hotRunDone(position(0x100), [report('customers', 'committed'), report('sales_order', 'blocked')]);
    expect(cycle.next()?.notCommitted).toEqual(new Set(['sales_order']));
    const failing = CYCLE_STEPS.findIndex((s) => s.includes('auto_parts'));
    for (let i = 0; i < failing; i++) cycle.stepDone(committedReports(cycle.next()?.jobs ?? []));
    cycle.stepDone([
      report('auto_parts', 'failed'),
      report('service', 'committed'),
      report('service_parts', 'committed'),
    ]);
    expect(cycle.next()?.notCommitted).toEqual(new Set(['sales_order', 'auto_parts']));
    cycle.hotRunDone(position(0x300), committedReports(HOT_JOBS));
    drain(cycle);
    expect(cycle.next()?.committed).toEqual(position(0x300));
    expect(cycle.next()?.notCommitted).toEqual(new Set());
  });

  it('ends the cycle in progress when every job ran at once (start-up, a CSV drop)', () => {
    const cycle = new LiveEtlCycle();
    cycle.hotRunDone(position(0x100), committedReports(HOT_JOBS));
    cycle.stepDone(committedReports(cycle.next()?.jobs ?? []));
    cycle.reset();
    expect(cycle.next()).toBeUndefined();
  });
});
