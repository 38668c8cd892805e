import { listRuns } from '@autocorp/etl';
import { JOBS } from '@autocorp/etl-jobs';
import type { Command } from '../../cli/command';
import { listOption, numberOption } from '../../cli/option-values';
import { LAKE_OPTION, openLake } from '../lake';
import { formatRunReports } from './format-runs';

export const etlRunsCommand: Command = {
  path: ['etl', 'runs'],
  summary: 'List recorded ETL runs, newest first: status, counts, data quality outcomes, timings',
  options: {
    job: { type: 'string', valueName: '<names>', description: 'Only runs of these jobs (comma-separated)' },
    limit: { type: 'string', default: '20', valueName: '<n>', description: 'How many runs' },
    lake: LAKE_OPTION,
    json: { type: 'boolean', default: false, description: 'Print JSON (rule outcomes with samples included)' },
  },
  async run(values, _positionals, io) {
    const jobs =
      typeof values.job === 'string'
        ? listOption(
            values.job,
            'job',
            JOBS.map((j) => j.name),
          )
        : undefined;
    const limit = numberOption(values.limit, 'limit', { integer: true, min: 1 });
    const runs = await listRuns({ store: openLake(io, values.lake), limit, ...(jobs ? { jobs } : {}) });
    if (values.json) io.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    else
      io.stdout.write(
        runs.length === 0 ? 'No ETL runs recorded yet. Run "autocorp etl run".\n' : formatRunReports(runs),
      );
  },
};
