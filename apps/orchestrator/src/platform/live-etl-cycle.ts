import type { CommittedPosition, RunReport } from '@autocorp/etl';

/**
 * The live micro-batch's hot run: `sales_order` and what it depends on (`customers`), the curated
 * table whose freshness is watched. It runs on every CDC commit, between the steps of the cycle.
 */
export const HOT_JOBS: readonly string[] = ['customers', 'sales_order'];

/**
 * The other jobs, one step per scheduler run; within a cycle each job runs (its last time) after the
 * jobs it depends on. `sales_order_fact` runs every other step (reading the other tables as last
 * committed; it refreshes again after the lines), so that a change reaches it one short step after
 * it reached sales_order instead of after every other job.
 */
export const CYCLE_STEPS: readonly (readonly string[])[] = [
  ['sales_order_fact'],
  ['auto_parts', 'service', 'service_parts'],
  ['sales_order_fact'],
  ['sales_order_parts', 'sales_order_services'],
  ['sales_order_fact'],
  ['sales_order_line_items', 'service_parts_catalog'],
];

/** What the next step runs: its jobs, the CDC position they read up to, and the cycle's jobs that did not commit. */
export interface CycleStep {
  readonly jobs: readonly string[];
  readonly committed: CommittedPosition | undefined;
  readonly notCommitted: ReadonlySet<string>;
}

interface HotRun {
  readonly position: CommittedPosition | undefined;
  readonly notCommitted: ReadonlySet<string>;
}

const notCommittedOf = (reports: readonly RunReport[]): Set<string> =>
  new Set(reports.filter((r) => r.status === 'blocked' || r.status === 'failed').map((r) => r.job));

const samePosition = (a: CommittedPosition | undefined, b: CommittedPosition | undefined): boolean =>
  a?.lsn === b?.lsn && a?.seq === b?.seq;

/**
 * The live ETL's cycle: a hot run (HOT_JOBS) on each CDC commit, and between hot runs one step of
 * CYCLE_STEPS, so that a change waits for at most one short step before the hot run takes it. All
 * steps of a cycle read the raw files up to the position of the hot run that started the cycle, so
 * the jobs of one cycle see the same changes (as one runJobs over every job would); a job depending
 * on one that did not commit in the cycle is blocked. When a cycle ends and hot runs read further
 * meanwhile, the next cycle starts at once from the latest hot run's position, so nothing waits for
 * another CDC commit. Pure state: the ETL task runs the jobs.
 */
export class LiveEtlCycle {
  private step = 0;
  private current: HotRun | undefined;
  private notCommitted = new Set<string>();
  private latestHot: HotRun | undefined;

  /** A hot run read the raw files up to `position`; starts a cycle when none is in progress. */
  hotRunDone(position: CommittedPosition | undefined, reports: readonly RunReport[]): void {
    this.latestHot = { position, notCommitted: notCommittedOf(reports) };
    if (this.current === undefined) this.start(this.latestHot);
  }

  /** The step to run next, or undefined when no cycle is in progress. */
  next(): CycleStep | undefined {
    const jobs = CYCLE_STEPS[this.step];
    if (this.current === undefined || jobs === undefined) return undefined;
    return { jobs, committed: this.current.position, notCommitted: new Set(this.notCommitted) };
  }

  /** The step returned by next() ran (its jobs' reports); moves to the following step or cycle. */
  stepDone(reports: readonly RunReport[]): void {
    for (const job of notCommittedOf(reports)) this.notCommitted.add(job);
    // A job of a later step that commits again clears an earlier failure of the same job.
    for (const r of reports)
      if (r.status === 'committed' || r.status === 'no-new-input') this.notCommitted.delete(r.job);
    this.step++;
    if (this.step < CYCLE_STEPS.length) return;
    const finished = this.current;
    this.current = undefined;
    if (this.latestHot && !samePosition(this.latestHot.position, finished?.position)) this.start(this.latestHot);
  }

  /** Every job ran in one run (start-up, a CSV drop, by hand): the cycle in progress is over. */
  reset(): void {
    this.current = undefined;
    this.latestHot = undefined;
    this.step = 0;
    this.notCommitted = new Set();
  }

  private start(hot: HotRun): void {
    this.current = hot;
    this.step = 0;
    this.notCommitted = new Set(hot.notCommitted);
  }
}
