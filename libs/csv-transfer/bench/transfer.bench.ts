import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { transferCsvFiles } from '../src/index';

const run = promisify(execFile);

export interface CsvTransferBenchOptions {
  /** Folder of CSV files to transfer (e.g. the generator's output). */
  readonly sourceDir: string;
  /** Scratch folder for the lake and the cp copy; a temporary folder by default (removed after). */
  readonly workDir?: string;
}

export interface CsvTransferBenchResult {
  readonly files: number;
  readonly bytes: number;
  /** transferCsvFiles into a fresh local lake: read, sha256, row count, write, fsync, verify, ledger. */
  readonly transferSeconds: number;
  /** Plain `cp` of the same files (no fsync). */
  readonly cpSeconds: number;
  /** `cp` followed by `sync` of the copies: the same durability as the transfer. */
  readonly cpSyncSeconds: number;
  /** transferSeconds / cpSeconds. */
  readonly ratioToCp: number;
  /** transferSeconds / cpSyncSeconds. */
  readonly ratioToCpSync: number;
  readonly transferMiBPerSecond: number;
}

async function seconds(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return (performance.now() - start) / 1000;
}

/** Transfers `sourceDir` into a fresh local lake and compares with `cp` of the same files, in the same run. */
export default async function benchCsvTransfer(options: CsvTransferBenchOptions): Promise<CsvTransferBenchResult> {
  const work = options.workDir ?? (await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-bench-')));
  try {
    const names = (await readdir(options.sourceDir)).filter((n) => n.toLowerCase().endsWith('.csv'));
    const files = names.map((n) => path.join(options.sourceDir, n));
    let bytes = 0;
    for (const file of files) bytes += (await stat(file)).size;

    // Flush pending writes (e.g. from generating the files), then warm the page cache the same way
    // for every contender, so each measures copying rather than someone else's writeback.
    await run('sync');
    await run('sh', ['-c', 'cat "$@" > /dev/null', 'cat', ...files]);
    const cpDir = path.join(work, 'cp');
    await mkdir(cpDir, { recursive: true });
    const cpSeconds = await seconds(() => run('cp', [...files, cpDir]));
    await rm(cpDir, { recursive: true, force: true });
    await run('sync');
    await mkdir(cpDir, { recursive: true });
    const cpSyncSeconds = await seconds(async () => {
      await run('cp', [...files, cpDir]);
      await run('sync', ['-f', cpDir]);
    });
    await rm(cpDir, { recursive: true, force: true });
    await run('sync');

    const store = new LocalObjectStore(path.join(work, 'lake'));
    const transferSeconds = await seconds(() => transferCsvFiles({ sourceDir: options.sourceDir, store, progress: false }));
    return {
      files: files.length,
      bytes,
      transferSeconds,
      cpSeconds,
      cpSyncSeconds,
      ratioToCp: transferSeconds / cpSeconds,
      ratioToCpSync: transferSeconds / cpSyncSeconds,
      transferMiBPerSecond: bytes / 2 ** 20 / transferSeconds,
    };
  } finally {
    if (options.workDir === undefined) await rm(work, { recursive: true, force: true });
  }
}

/** Writes a synthetic export of about `totalBytes`: the four generator tables in rough proportion. */
export async function makeSyntheticCsvFolder(dir: string, totalBytes: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tables: Array<[string, string, number, (i: number) => string]> = [
    ['sales_orders.csv', 'order_id,customer_id,order_date,total', 0.3, (i) => `${i},${i % 50000},2024-01-${String((i % 28) + 1).padStart(2, '0')},${(i % 99999) / 100}`],
    ['sales_order_parts.csv', 'order_id,line,part_id,quantity,unit_price', 0.4, (i) => `${i >> 2},${i & 3},P-${i % 4000},${(i % 5) + 1},${(i % 20000) / 100}`],
    ['sales_order_services.csv', 'order_id,line,service_id,hours', 0.2, (i) => `${i >> 1},${i & 1},S-${i % 300},${(i % 16) / 2}`],
    ['customers.csv', 'customer_id,name,city', 0.1, (i) => `${i},"Customer ${i}, Jr.",City ${i % 700}`],
  ];
  for (const [name, header, share, line] of tables) {
    const out = createWriteStream(path.join(dir, name));
    out.write(`${header}\n`);
    let written = 0;
    for (let i = 0; written < totalBytes * share; ) {
      const lines: string[] = [];
      for (let k = 0; k < 10_000; k++, i++) lines.push(line(i));
      const block = `${lines.join('\n')}\n`;
      written += block.length;
      if (!out.write(block)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
}

// `npx tsx libs/csv-transfer/bench/transfer.bench.ts [sourceDir] [MiB]`: without a folder, a synthetic one of MiB (default 1024).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const given = process.argv[2] || undefined;
  const mib = Number(process.argv[3] ?? 1024);
  const sourceDir = given ?? (await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-bench-src-')));
  if (given === undefined) await makeSyntheticCsvFolder(sourceDir, mib * 2 ** 20);
  try {
    console.log(JSON.stringify(await benchCsvTransfer({ sourceDir }), null, 2));
  } finally {
    if (given === undefined) await rm(sourceDir, { recursive: true, force: true });
  }
}
