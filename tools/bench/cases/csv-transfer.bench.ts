import { link, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { CSV_FILES } from '@autocorp/generator';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { type BenchCase, type BenchContext, type BenchMetric, measured } from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { runCommand } from '../src/run-command';
import { timed } from '../src/timing';

const MiB = 2 ** 20;
/** The three order files (7.27M rows at scale 1); customers.csv is left out, as the issue counts. */
const ORDER_FILES = [CSV_FILES.orders.name, CSV_FILES.parts.name, CSV_FILES.services.name];

/** Hard links to the order files of the export in a folder of their own (no bytes copied). */
async function orderFilesFolder(csvDir: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const name of ORDER_FILES) {
    const target = path.join(dir, name);
    await link(path.join(csvDir, name), target);
    files.push(target);
  }
  return files;
}

/** `cp` of the files into a fresh folder (optionally followed by `sync` of it); seconds. */
async function copySeconds(files: readonly string[], dir: string, sync: boolean): Promise<number> {
  await mkdir(dir, { recursive: true });
  const { seconds } = await timed(async () => {
    await runCommand('cp', [...files, dir]);
    if (sync) await runCommand('sync', ['-f', dir]);
  });
  await rm(dir, { recursive: true, force: true });
  await runCommand('sync', []);
  return seconds;
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const dataset = await context.dataset();
  const files = await orderFilesFolder(dataset.csvDir, path.join(context.workDir, 'source'));
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;

  // Flush the generator's writes, then read every file once so each contender starts from a warm cache.
  await runCommand('sync', []);
  await runCommand('sh', ['-c', 'cat "$@" > /dev/null', 'cat', ...files]);
  context.log('cp, then cp + sync');
  const cpSeconds = await copySeconds(files, path.join(context.workDir, 'cp'), false);
  const cpSyncSeconds = await copySeconds(files, path.join(context.workDir, 'cp'), true);

  context.log(`transferCsvFiles of ${files.length} files (${(bytes / MiB).toFixed(0)} MiB)`);
  const store = new LocalObjectStore(path.join(context.workDir, 'lake'));
  const { seconds, result: report } = await timed(() =>
    transferCsvFiles({ sourceDir: path.dirname(files[0] as string), store }),
  );
  if (report.errors.length > 0)
    throw new BenchError(
      'command-failed',
      `The transfer rejected or failed ${report.errors.length} file(s): ${report.errors.map((e) => e.message).join('; ')}`,
    );
  const rows = report.totals.rowsCopied;
  return [
    measured('transfer', seconds, 's', { ratio: seconds / cpSeconds, baseline: `vs cp (${cpSeconds.toFixed(2)} s)` }),
    measured('transfer vs cp + sync', seconds, 's', {
      ratio: seconds / cpSyncSeconds,
      baseline: `vs cp + sync (${cpSyncSeconds.toFixed(2)} s)`,
    }),
    measured('transfer rate', rows / seconds, 'rows/s'),
    measured('transfer bandwidth', bytes / MiB / seconds, 'MiB/s'),
    measured('rows transferred', rows, 'rows'),
  ];
}

const csvTransferCase: BenchCase = {
  name: 'csv-transfer',
  description:
    'transferCsvFiles of the three order CSV files (hash, count, write, fsync, verify) into a local lake, vs cp',
  run,
};

export default csvTransferCase;
