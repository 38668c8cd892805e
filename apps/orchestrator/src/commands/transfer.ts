import path from 'node:path';
import { resolveStateHome } from '@autocorp/config';
import { formatTransferReport, transferCsvFiles } from '@autocorp/csv-transfer';
import { openObjectStore } from '@autocorp/lake-storage';
import type { Command } from '../cli/command';
import { commandProgress } from '../cli/progress-drawing';
import { csvExportHeaders } from '../pipeline/export-headers';

export const transferCommand: Command = {
  path: ['transfer'],
  summary: 'Move CSV exports into the raw zone (raw/csv/<table>/ingest_date=YYYY-MM-DD/), verified and resumable',
  description:
    'Streams each CSV file into the lake, verifies its sha256 after the copy, skips files already transferred unchanged, and rejects files that are not CSV or have the wrong header (recorded in the run manifest under state/transfer/csv/). Exits 1 when a file was rejected or failed verification.',
  options: {
    from: {
      type: 'string',
      valueName: '<dir>',
      description: 'Folder holding the CSV files (default: <AUTOCORP_HOME>/generated)',
    },
    lake: {
      type: 'string',
      valueName: '<uri>',
      description: 'Lake URI, file:///... or s3://bucket/prefix (default: LAKE_URI or <AUTOCORP_HOME>/lake)',
    },
    json: { type: 'boolean', default: false, description: 'Print the transfer report as JSON' },
  },
  async run(values, _positionals, io) {
    const sourceDir = path.resolve(
      io.cwd,
      typeof values.from === 'string' ? values.from : resolveStateHome(io.env, io.cwd).generated,
    );
    const store = openObjectStore(typeof values.lake === 'string' ? values.lake : undefined, {
      env: io.env,
      cwd: io.cwd,
    });
    const report = await transferCsvFiles({
      sourceDir,
      store,
      expectedHeaders: csvExportHeaders(),
      onProgress: commandProgress(io),
    });
    io.stdout.write(
      values.json ? `${JSON.stringify({ ...report, errors: undefined }, null, 2)}\n` : formatTransferReport(report),
    );
    for (const error of report.errors) io.stderr.write(`error: ${error.message}\n`);
    return report.errors.length > 0 ? 1 : 0;
  },
};
