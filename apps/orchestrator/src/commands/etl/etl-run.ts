import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { runJobs } from '@autocorp/etl';
import { JOBS } from '@autocorp/etl-jobs';
import type { Command } from '../../cli/command';
import { listOption } from '../../cli/option-values';
import { commandProgress } from '../../cli/progress-drawing';
import { LAKE_OPTION, openLake } from '../lake';
import { withSourceDb } from '../with-source-db';
import { formatRunReports } from './format-runs';

export const etlRunCommand: Command = {
  path: ['etl', 'run'],
  summary: 'Run the ETL jobs (raw zone to curated Hudi tables) in dependency order',
  description:
    'Each job reads only raw files that arrived since its last successful run, applies its transform and data quality rules (rows breaking a row rule go to quarantine; a failed "fail" rule blocks the commit), and upserts its Hudi table. The analytics jobs refresh only the rows their sources\' changes affect (--full rebuilds them whole). Exits 1 when a job failed or was blocked.',
  options: {
    job: {
      type: 'string',
      valueName: '<names>',
      description: `Comma-separated jobs to run, with what they depend on (default: all ${JOBS.length})`,
    },
    lake: LAKE_OPTION,
    'reconcile-source': {
      type: 'boolean',
      default: false,
      description:
        'Also reconcile each operational table with its PostgreSQL row count (DATABASE_URL or the embedded server; run after the CDC has caught up)',
    },
    full: {
      type: 'boolean',
      default: false,
      description: 'Rebuild the analytics tables whole (insert_overwrite) instead of refreshing what changed',
    },
    json: { type: 'boolean', default: false, description: 'Print the run reports as JSON' },
  },
  async run(values, _positionals, io) {
    const names = JOBS.map((j) => j.name);
    const jobs = typeof values.job === 'string' ? listOption(values.job, 'job', names) : undefined;
    const options = {
      store: openLake(io, values.lake),
      onProgress: commandProgress(io),
      ...(jobs ? { jobs } : {}),
      ...(values.full === true ? { full: true } : {}),
    };
    const reports = values['reconcile-source']
      ? await withSourceDb(io, (source) =>
          runJobs({
            ...options,
            sourceRowCount: async (table) =>
              Number(
                (await source.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`)).rows[0]
                  ?.n,
              ),
          }),
        )
      : await runJobs(options);
    io.stdout.write(values.json ? `${JSON.stringify(reports, null, 2)}\n` : formatRunReports(reports));
    return reports.some((r) => r.status === 'failed' || r.status === 'blocked') ? 1 : 0;
  },
};
