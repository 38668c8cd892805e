import { runJobs } from '@autocorp/etl';
import { formatCount } from '@autocorp/terminal';
import { commandProgress } from '../../cli/progress-drawing';
import { lakeOf } from '../lake';
import type { PipelineStep } from '../pipeline-step';

/** Runs the ten ETL jobs; fails the pass when a job failed or was blocked by a `fail` rule. */
export const etlStep: PipelineStep = {
  name: 'ETL jobs (raw to curated Hudi)',
  async run(context) {
    const reports = await runJobs({ store: lakeOf(context), onProgress: commandProgress(context.io) });
    const details = reports.map((r) => {
      const failed = r.rules.filter((rule) => !rule.passed);
      const warned = failed.filter((f) => f.severity === 'warn').length;
      const quality = `${r.rules.length - failed.length}/${r.rules.length} rules passed${warned ? `, ${warned} warning(s)` : ''}`;
      const counts = `+${formatCount(r.counts.inserted)} ~${formatCount(r.counts.updated)} -${formatCount(r.counts.deleted)}, ${formatCount(r.counts.quarantined)} quarantined`;
      return `  ${r.job.padEnd(24)} ${r.status.padEnd(13)} ${counts.padEnd(40)} ${quality}`;
    });
    const bad = reports.filter((r) => r.status === 'failed' || r.status === 'blocked');
    if (bad.length > 0) {
      throw new Error(
        `${bad.length} job(s) did not commit:\n${details.join('\n')}\n${bad.map((r) => `  ${r.job}: ${r.error ?? r.status}`).join('\n')}`,
      );
    }
    const committed = reports.filter((r) => r.status === 'committed').length;
    return { headline: `${committed} job(s) committed, ${reports.length - committed} had no new input`, details };
  },
};
