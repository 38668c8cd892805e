import { runJobs } from '@autocorp/etl';
import { JOBS } from '@autocorp/etl-jobs';
import type { Command } from '../../cli/command';
import { listOption } from '../../cli/option-values';
import { LAKE_OPTION, openLake } from '../lake';
import { formatRunReports } from './format-runs';

export const etlRunCommand: Command = {
  path: ['etl', 'run'],
  summary: 'Run the ETL jobs (raw zone to curated Hudi tables) in dependency order',
  description:
    'Each job reads only raw files that arrived since its last successful run, applies its transform and data quality rules (rows breaking a row rule go to quarantine; a failed "fail" rule blocks the commit), and upserts its Hudi table. Exits 1 when a job failed or was blocked.',
  options: {
    job: { type: 'string', valueName: '<names>', description: `Comma-separated jobs to run, with what they depend on (default: all ${JOBS.length})` },
    lake: LAKE_OPTION,
    json: { type: 'boolean', default: false, description: 'Print the run reports as JSON' },
  },
  async run(values, _positionals, io) {
    const names = JOBS.map((j) => j.name);
    const jobs = typeof values.job === 'string' ? listOption(values.job, 'job', names) : undefined;
    const reports = await runJobs({ store: openLake(io, values.lake), ...(jobs ? { jobs } : {}) });
    io.stdout.write(values.json ? `${JSON.stringify(reports, null, 2)}\n` : formatRunReports(reports));
    return reports.some((r) => r.status === 'failed' || r.status === 'blocked') ? 1 : 0;
  },
};
