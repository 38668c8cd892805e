import type { RunReport } from '@autocorp/etl';
import type { EtlRunEvent, EtlTrigger } from './platform-events';

/** The `etl-run` event of one scheduler run: per job its status, counts, time and the rules it failed. */
export function etlRunEvent(
  runId: string,
  trigger: EtlTrigger,
  startedAt: number,
  finishedAt: number,
  reports: readonly RunReport[],
): EtlRunEvent {
  return {
    type: 'etl-run',
    at: finishedAt,
    runId,
    trigger,
    seconds: (finishedAt - startedAt) / 1000,
    jobs: reports.map((r) => ({
      job: r.job,
      status: r.status,
      inserted: r.counts.inserted,
      updated: r.counts.updated,
      deleted: r.counts.deleted,
      quarantined: r.counts.quarantined,
      seconds: r.timings.totalMs / 1000,
      rulesFailed: r.rules.filter((rule) => !rule.passed).map((rule) => ({ rule: rule.rule, severity: rule.severity })),
    })),
  };
}

/** The trigger a run reports when several requests joined it: a CSV drop wins over CDC micro-batches. */
export function etlTriggerOf(triggers: readonly string[]): EtlTrigger {
  const known: readonly EtlTrigger[] = ['startup', 'full', 'manual', 'csv', 'micro-batch'];
  for (const trigger of known) if (triggers.includes(trigger)) return trigger;
  return 'micro-batch';
}

/** Jobs that did not commit because they failed (retried) or were blocked by a `fail` rule (reported). */
export function unsuccessfulJobs(reports: readonly RunReport[]): { failed: RunReport[]; blocked: RunReport[] } {
  return {
    failed: reports.filter((r) => r.status === 'failed'),
    blocked: reports.filter((r) => r.status === 'blocked'),
  };
}
