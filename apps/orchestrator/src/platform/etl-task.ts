import { runJobs } from '@autocorp/etl';
import { JOBS } from '@autocorp/etl-jobs';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { etlRunEvent, etlTriggerOf, unsuccessfulJobs } from './etl-run-event';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import type { ScheduledTask } from './work-scheduler';

/** The micro-batch of the operational jobs (every job when asked for by start-up, a CSV drop or by hand). */
export const ETL_TASK = 'etl';
/** The analytics jobs, after a micro-batch of the operational jobs committed. */
export const ETL_ANALYTICS_TASK = 'etl-analytics';
/** Whether a scheduler task is one of the ETL's. */
export const isEtlTask = (task: string | undefined): boolean => task === ETL_TASK || task === ETL_ANALYTICS_TASK;

/** Jobs the live platform runs first (with what they depend on): the tables whose freshness is watched. */
export const LIVE_FIRST_JOBS: readonly string[] = ['sales_order', 'sales_order_fact'];
const OPERATIONAL_JOBS = JOBS.filter((j) => j.layer === 'operational').map((j) => j.name);
const ANALYTICS_JOBS = JOBS.filter((j) => j.layer === 'analytics').map((j) => j.name);

export interface EtlTaskOptions {
  readonly store: ObjectStore;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly intervalMs: number;
  readonly onProgress: ProgressListener;
  /** Asks for the analytics run (ETL_ANALYTICS_TASK, due at once) after operational jobs committed. */
  readonly requestAnalytics: () => void;
}

let runCounter = 0;

/**
 * The ETL micro-batches, as two scheduler tasks (one run at a time, the operational one listed first):
 * `etl` runs the operational jobs over the raw files committed since their bookmarks, so a change in
 * PostgreSQL reaches curated sales_order without waiting for the analytics; when it committed, it asks
 * for `etl-analytics`, which runs the analytics jobs over what the operational ones committed (new
 * raw files meanwhile are the next `etl` run's, which may go first once). Start-up, CSV and
 * manual runs run every job at once. Each Hudi commit is atomic, so a run stopped or killed half-way
 * leaves every table at a commit and the next run continues from the bookmarks. Failed jobs make the
 * run throw (the scheduler retries it); jobs blocked by a `fail` rule are reported and wait for new input.
 */
export function etlTasks(options: EtlTaskOptions): [ScheduledTask, ScheduledTask] {
  return [
    {
      name: ETL_TASK,
      delayMs: options.intervalMs,
      async run(triggers) {
        const operationalOnly = triggers.every((t) => t === 'micro-batch');
        const committed = await runEtl(options, triggers, operationalOnly ? OPERATIONAL_JOBS : undefined);
        if (operationalOnly && committed) options.requestAnalytics();
      },
    },
    {
      name: ETL_ANALYTICS_TASK,
      // Also the wait before a retry: a failing analytics job must not spin.
      delayMs: options.intervalMs,
      async run(triggers) {
        await runEtl(options, triggers, ANALYTICS_JOBS, true);
      },
    },
  ];
}

/** One runJobs over `jobs` (default all), reported as an `etl-run` event; whether a job committed. */
async function runEtl(
  options: EtlTaskOptions,
  triggers: readonly string[],
  jobs: readonly string[] | undefined,
  withoutDependencies = false,
): Promise<boolean> {
  const trigger = etlTriggerOf(triggers);
  const startedAt = Date.now();
  const runId = `${new Date(startedAt).toISOString().replace(/[-:.]/g, '')}-${++runCounter}`;
  const reports = await runJobs({
    store: options.store,
    onProgress: options.onProgress,
    firstJobs: LIVE_FIRST_JOBS,
    ...(jobs ? { jobs } : {}),
    ...(withoutDependencies ? { withoutDependencies } : {}),
  });
  options.hub.publish(etlRunEvent(runId, trigger, startedAt, Date.now(), reports));
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
  return reports.some((r) => r.status === 'committed');
}
