import { type RunJobsOptions, type RunReport, readCommittedPosition, runJobs } from '@autocorp/etl';
import { DEFAULT_CDC_SLOT, type ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { etlRunEvent, etlTriggerOf, unsuccessfulJobs } from './etl-run-event';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import { HOT_JOBS, LiveEtlCycle } from './live-etl-cycle';
import type { ScheduledTask } from './work-scheduler';

/** The live micro-batch's hot run (HOT_JOBS) on a CDC commit; every job when asked for by start-up, a CSV drop or by hand. */
export const ETL_TASK = 'etl';
/** One step of the live ETL cycle (the other jobs), between hot runs. */
export const ETL_CYCLE_TASK = 'etl-cycle';
/** Whether a scheduler task is one of the ETL's. */
export const isEtlTask = (task: string | undefined): boolean => task === ETL_TASK || task === ETL_CYCLE_TASK;

/** Jobs a run of every job runs first (with what they depend on): the tables whose freshness is watched. */
export const LIVE_FIRST_JOBS: readonly string[] = ['sales_order', 'sales_order_fact'];

export interface EtlTaskOptions {
  readonly store: ObjectStore;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly intervalMs: number;
  readonly onProgress: ProgressListener;
  /** Asks for the next cycle step (ETL_CYCLE_TASK, due at once). */
  readonly requestCycleStep: () => void;
}

let runCounter = 0;

/**
 * The ETL micro-batches, as two scheduler tasks (one run at a time): `etl` runs the hot jobs
 * (customers, sales_order) over the raw files CDC committed since their bookmarks, so a change reaches
 * curated sales_order after at most one short step, and starts a cycle of the other jobs when none is
 * in progress; `etl-cycle` runs one step of that cycle (LiveEtlCycle), and the scheduler alternates the
 * two while both are due. Start-up, CSV and manual runs run every job at once and end the cycle.
 * Each Hudi commit is atomic, so a run stopped or killed half-way leaves every table at a commit and
 * the next run continues from the bookmarks. Failed jobs make the run throw (the scheduler retries
 * it; a failed step is run again); jobs blocked by a `fail` rule are reported and wait for new input.
 */
export function etlTasks(options: EtlTaskOptions): EtlTasks {
  const cycle = new LiveEtlCycle();
  const runStep = async (triggers: readonly string[]): Promise<void> => {
    const step = cycle.next();
    if (!step) return;
    const reports = await runEtl(options, triggers, {
      jobs: step.jobs,
      withoutDependencies: true,
      notCommitted: step.notCommitted,
      ...(step.committed ? { committed: step.committed } : {}),
    });
    // A failed job throws below and the same step runs again after the delay.
    if (!reports.some((r) => r.status === 'failed')) {
      cycle.stepDone(reports);
      if (cycle.next()) options.requestCycleStep();
    }
    checkReports(options, reports);
  };
  const tasks: [ScheduledTask, ScheduledTask] = [
    {
      name: ETL_TASK,
      delayMs: options.intervalMs,
      async run(triggers) {
        if (!triggers.every((t) => t === 'micro-batch')) {
          cycle.reset();
          checkReports(options, await runEtl(options, triggers, { firstJobs: LIVE_FIRST_JOBS }));
          return;
        }
        const committed = await readCommittedPosition(options.store, DEFAULT_CDC_SLOT);
        const reports = await runEtl(options, triggers, { jobs: HOT_JOBS, ...(committed ? { committed } : {}) });
        cycle.hotRunDone(committed, reports);
        if (cycle.next()) options.requestCycleStep();
        checkReports(options, reports);
      },
    },
    {
      name: ETL_CYCLE_TASK,
      // Also the wait before a retry: a failing step must not spin.
      delayMs: options.intervalMs,
      run: runStep,
    },
  ];
  return {
    tasks,
    async finishCycle() {
      while (cycle.next()) await runStep(['stop']);
    },
  };
}

export interface EtlTasks {
  readonly tasks: [ScheduledTask, ScheduledTask];
  /**
   * Runs the cycle's remaining steps (and the next cycle's, when hot runs read further), so that every
   * table stands at the last hot run's CDC position; for a graceful stop, once the scheduler stopped.
   * Throws when a step's job failed (the next start redoes it from the bookmarks).
   */
  finishCycle(): Promise<void>;
}

/** One runJobs, reported as an `etl-run` event. */
async function runEtl(
  options: EtlTaskOptions,
  triggers: readonly string[],
  select: Pick<RunJobsOptions, 'jobs' | 'firstJobs' | 'withoutDependencies' | 'committed' | 'notCommitted'>,
): Promise<RunReport[]> {
  const trigger = etlTriggerOf(triggers);
  const startedAt = Date.now();
  const runId = `${new Date(startedAt).toISOString().replace(/[-:.]/g, '')}-${++runCounter}`;
  const reports = await runJobs({ store: options.store, onProgress: options.onProgress, ...select });
  options.hub.publish(etlRunEvent(runId, trigger, startedAt, Date.now(), reports));
  return reports;
}

/** Throws when a job failed (the scheduler retries the run); reports jobs blocked by a `fail` rule. */
function checkReports(options: EtlTaskOptions, reports: readonly RunReport[]): void {
  const { failed, blocked } = unsuccessfulJobs(reports);
  if (failed.length > 0) {
    throw new Error(`ETL job(s) failed: ${failed.map((r) => `${r.job}: ${r.error ?? 'failed'}`).join('; ')}`);
  }
  if (blocked.length > 0) {
    options.health.set(
      'etl',
      'degraded',
      `blocked: ${blocked.map((r) => `${r.job} (${r.error ?? 'a fail rule'})`).join('; ')}`,
    );
  } else {
    options.health.set('etl', 'ok', null);
  }
}
