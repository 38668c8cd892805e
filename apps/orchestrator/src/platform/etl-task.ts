import { runJobs } from '@autocorp/etl';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { etlRunEvent, etlTriggerOf, unsuccessfulJobs } from './etl-run-event';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import type { ScheduledTask } from './work-scheduler';

export const ETL_TASK = 'etl';

export interface EtlTaskOptions {
  readonly store: ObjectStore;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly intervalMs: number;
  readonly onProgress: ProgressListener;
}

let runCounter = 0;

/**
 * The ETL micro-batch: every job over the raw files committed since its bookmark (runJobs). Each
 * Hudi commit is atomic, so a run stopped or killed half-way leaves every table at a commit and the
 * next run continues from the bookmarks. Failed jobs make the run throw (the scheduler retries it);
 * jobs blocked by a `fail` rule are reported and wait for new input.
 */
export function etlTask(options: EtlTaskOptions): ScheduledTask {
  return {
    name: ETL_TASK,
    delayMs: options.intervalMs,
    async run(triggers) {
      const trigger = etlTriggerOf(triggers);
      const startedAt = Date.now();
      const runId = `${new Date(startedAt).toISOString().replace(/[-:.]/g, '')}-${++runCounter}`;
      const reports = await runJobs({ store: options.store, onProgress: options.onProgress });
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
    },
  };
}
