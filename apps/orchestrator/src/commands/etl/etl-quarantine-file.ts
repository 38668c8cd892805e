import { userInfo } from 'node:os';
import { excludeRawFile, listExcludedFiles, restoreRawFile } from '@autocorp/etl';
import { formatTable } from '@autocorp/terminal';
import { CliError } from '../../cli/cli-error';
import type { Command } from '../../cli/command';
import { LAKE_OPTION, openLake } from '../lake';

export const etlQuarantineFileCommand: Command = {
  path: ['etl', 'quarantine-file'],
  summary:
    'Take a raw CSV file that blocks its job out of the ETL input (nothing is deleted), or put it back with --undo',
  description:
    'The file stays where it landed in the raw zone; a record (who, when, why) in the state folder makes the jobs skip it, so a fixed export can commit. "autocorp etl quarantined-files" lists such files; --undo puts one back into the input (the next run reads it).',
  positionals: ['<raw-file-key>'],
  options: {
    reason: { type: 'string', valueName: '<text>', description: 'Why the file is taken out (required unless --undo)' },
    by: { type: 'string', valueName: '<name>', description: 'Who takes it out (default: the user name)' },
    undo: { type: 'boolean', default: false, description: 'Put the file back into the input' },
    lake: LAKE_OPTION,
  },
  async run(values, positionals, io) {
    const key = positionals[0];
    if (!key)
      throw new CliError(
        'usage',
        'Name the raw file, e.g. "autocorp etl quarantine-file raw/csv/sales_orders/ingest_date=2025-06-02/sales_orders.csv --reason \'...\'" (the key is in the error of the blocked run).',
      );
    const store = openLake(io, values.lake);
    if (values.undo) {
      const removed = await restoreRawFile(store, key);
      io.stdout.write(
        `${removed.key} is back in the input of ${removed.jobs.join(', ')}; the next "autocorp etl run" reads it.\n`,
      );
      return;
    }
    if (typeof values.reason !== 'string' || values.reason.trim() === '')
      throw new CliError('usage', `--reason is required: say why ${key} is taken out of the ETL input.`);
    const by = typeof values.by === 'string' ? values.by : (io.env.USER ?? userInfo().username);
    const record = await excludeRawFile({ store, key, reason: values.reason, by });
    io.stdout.write(
      `${record.key} is out of the input of ${record.jobs.join(', ')} (by ${record.excludedBy} at ${record.excludedAt}: ${record.reason}). The file stays in the raw zone; "autocorp etl quarantine-file ${record.key} --undo" puts it back.\n`,
    );
  },
};

export const etlQuarantinedFilesCommand: Command = {
  path: ['etl', 'quarantined-files'],
  summary: 'List the raw files taken out of the ETL input: key, jobs, who, when, why',
  options: {
    lake: LAKE_OPTION,
    json: { type: 'boolean', default: false, description: 'Print JSON' },
  },
  async run(values, _positionals, io) {
    const records = await listExcludedFiles(openLake(io, values.lake));
    if (values.json) io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    else if (records.length === 0) io.stdout.write('No raw file is taken out of the ETL input.\n');
    else {
      const rows = records.map((r) => [r.key, r.jobs.join(', '), r.excludedBy, r.excludedAt, r.reason]);
      io.stdout.write(`${formatTable(['raw file (still in the raw zone)', 'jobs', 'by', 'at', 'reason'], rows)}\n`);
    }
  },
};
