/**
 * Generator benchmark: (1) the CSV export alone, (2) the whole business (CSV export +
 * PostgreSQL load, concurrently) into a throwaway embedded PostgreSQL, (3) the PostgreSQL load
 * alone, (4) `psql \copy` of the same rows as the baseline.
 * Run: `npx tsx libs/generator/bench/generate.bench.ts [scale]` (default 1).
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SOURCE_TABLES } from '@autocorp/schema';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';
import { createContext } from '../src/context';
import { TextFileWriter } from '../src/io/text-file-writer';
import { COPY_COLUMNS, generate } from '../src/index';
import { tableChunks } from '../src/postgres/table-chunks';

const execFileAsync = promisify(execFile);

export interface GenerateBenchOptions {
  readonly scale?: number;
  /** Scratch folder (removed afterwards); default a fresh one under /tmp. */
  readonly workDir?: string;
  readonly log?: (line: string) => void;
}

/** Writes the rows the loader would COPY to one CSV file per table (the psql baseline's input). */
async function writeCopyFiles(seed: number, scale: number, dir: string): Promise<void> {
  const context = createContext(seed, scale);
  for (const { name } of SOURCE_TABLES) {
    const writer = new TextFileWriter(join(dir, `${name}.csv`), '');
    for (const chunk of tableChunks(context, name)) {
      writer.add(chunk.data.toString('latin1'), chunk.rows);
      await writer.flushIfFull();
    }
    await writer.close();
  }
}

/** Rows of customers.csv and the three order files (the expected_* files are answers, not data). */
function dataRows(files: Readonly<Record<string, { rows: number }>>): number {
  return Object.entries(files)
    .filter(([name]) => !name.startsWith('expected_'))
    .reduce((sum, [, f]) => sum + f.rows, 0);
}

async function truncateAll(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE ${SOURCE_TABLES.map((t) => t.name).join(', ')} CASCADE`);
  await pool.query('CHECKPOINT');
}

/**
 * Returns: csvAloneSeconds / csvAloneRowsPerSecond (CSV export only; rows = data rows of the four
 * data files), totalSeconds (CSV + PostgreSQL concurrently; target < 60), csvSeconds and
 * csvRowsPerSecond within that run, postgresRows, postgresSecondsConcurrent,
 * postgresSecondsAlone, psqlCopySeconds, postgresToPsqlRatio (alone / psql; target <= 1.5),
 * peakRssMiB (this process; target < 1024; PostgreSQL runs in its own processes).
 */
export async function run(options: GenerateBenchOptions = {}): Promise<Record<string, number>> {
  const scale = options.scale ?? 1;
  const log = options.log ?? ((line: string) => console.error(line));
  const seed = 42;
  const workDir = options.workDir ?? `/tmp/autocorp-generator-bench-${process.pid}`;
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(workDir, 'csv'), { recursive: true });
  await mkdir(join(workDir, 'copy'), { recursive: true });
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  try {
    await migrate({ pool, displayAddress: `127.0.0.1:${server.port}` });

    log(`generator bench: scale ${scale}, CSV export alone`);
    const csvAlone = await generate({ seed, scale, out: join(workDir, 'csv'), targets: ['csv'], progress: true });
    const csvAloneRows = dataRows(csvAlone.files);
    await rm(join(workDir, 'csv'), { recursive: true, force: true });

    log(`generator bench: scale ${scale}, CSV + PostgreSQL concurrently`);
    const both = await generate({ seed, scale, out: join(workDir, 'csv'), targets: ['csv', 'postgres'], pool, progress: true });
    const csvRows = dataRows(both.files);
    const postgresRows = Object.values(both.tables).reduce((sum, t) => sum + (t?.rows ?? 0), 0);
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;

    log('generator bench: PostgreSQL load alone');
    await truncateAll(pool);
    const alone = await generate({ seed, scale, targets: ['postgres'], pool, progress: true });

    log('generator bench: psql \\copy of the same rows');
    await writeCopyFiles(seed, scale, join(workDir, 'copy'));
    await truncateAll(pool);
    const script = SOURCE_TABLES.map(
      ({ name }) => `\\copy ${name} (${COPY_COLUMNS[name].join(', ')}) from '${join(workDir, 'copy', `${name}.csv`)}' csv`,
    ).join('\n');
    await writeFile(join(workDir, 'copy.sql'), `${script}\n`);
    const started = performance.now();
    await execFileAsync('psql', [server.url, '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', join(workDir, 'copy.sql')]);
    const psqlCopySeconds = (performance.now() - started) / 1000;

    return {
      scale,
      csvAloneSeconds: csvAlone.seconds.csv,
      csvAloneRowsPerSecond: csvAloneRows / csvAlone.seconds.csv,
      totalSeconds: both.seconds.total,
      csvSeconds: both.seconds.csv,
      csvRows,
      csvRowsPerSecond: csvRows / both.seconds.csv,
      postgresRows,
      postgresSecondsConcurrent: both.seconds.postgres,
      postgresSecondsAlone: alone.seconds.postgres,
      psqlCopySeconds,
      postgresToPsqlRatio: alone.seconds.postgres / psqlCopySeconds,
      peakRssMiB,
    };
  } finally {
    await pool.end();
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.argv[2] ?? 1);
  run({ scale }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
