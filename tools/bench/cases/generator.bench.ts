import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { COPY_COLUMNS, CSV_FILES, type GenerationSummary, generate } from '@autocorp/generator';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import { drawProgress } from '@autocorp/terminal';
import pg from 'pg';
import { type BenchCase, type BenchContext, type BenchMetric, atLeast, atMost, measured } from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { copyInScript, copyOutScript, runPsqlScript } from '../src/psql';
import { BENCH_SEED } from '../src/scale-dataset';

const MiB = 2 ** 20;
const DATA_FILES = [CSV_FILES.customers.name, CSV_FILES.orders.name, CSV_FILES.parts.name, CSV_FILES.services.name];

/** Rows of the four data files (the answer keys under manifest/ are not data). */
function csvDataRows(summary: GenerationSummary): number {
  return DATA_FILES.reduce((sum, name) => sum + (summary.files[name]?.rows ?? 0), 0);
}

function postgresRows(summary: GenerationSummary): number {
  return Object.values(summary.tables).reduce((sum, t) => sum + (t?.rows ?? 0), 0);
}

async function countRows(pool: pg.Pool): Promise<number> {
  const sql = SOURCE_TABLE_NAMES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ');
  const { rows } = await pool.query<{ n: string }>(`SELECT ${sql} AS n`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The PostgreSQL load alone into a fresh server, then `psql \copy` of the very rows it loaded
 * (copied out to CSV, tables truncated) in one transaction: the same work with PostgreSQL's own client.
 */
async function loadVersusPsql(
  context: BenchContext,
): Promise<{ loadSeconds: number; psqlSeconds: number; rows: number }> {
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  pool.on('error', () => undefined);
  try {
    await migrate({ pool, displayAddress: server.url });
    context.log('PostgreSQL load alone into a fresh server');
    const alone = await generate({
      seed: BENCH_SEED,
      scale: context.scale,
      targets: ['postgres'],
      pool,
      onProgress: drawProgress(),
    });
    const rows = postgresRows(alone);

    const copyDir = path.join(context.workDir, 'copy');
    await mkdir(copyDir, { recursive: true });
    await runPsqlScript(server.url, copyOutScript(COPY_COLUMNS, copyDir), path.join(context.workDir, 'copy-out.sql'));
    await pool.query(`TRUNCATE ${SOURCE_TABLE_NAMES.join(', ')} CASCADE`);
    await pool.query('CHECKPOINT');
    context.log('psql \\copy of the same rows');
    const psqlSeconds = await runPsqlScript(
      server.url,
      copyInScript(COPY_COLUMNS, copyDir),
      path.join(context.workDir, 'copy-in.sql'),
      { singleTransaction: true },
    );
    const psqlRows = await countRows(pool);
    if (psqlRows !== rows)
      throw new BenchError(
        'command-failed',
        `psql \\copy loaded ${psqlRows} rows but the generator loaded ${rows}; the baseline is not the same work.`,
      );
    await rm(copyDir, { recursive: true, force: true });
    return { loadSeconds: alone.seconds.postgres, psqlSeconds, rows };
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
  }
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const dataset = await context.dataset();
  const both = dataset.generation;

  context.log('CSV export alone');
  const csvOut = path.join(context.workDir, 'csv');
  const csvAlone = await generate({
    seed: BENCH_SEED,
    scale: context.scale,
    out: csvOut,
    targets: ['csv'],
    onProgress: drawProgress(),
  });
  await rm(csvOut, { recursive: true, force: true });
  const csvAloneRate = csvDataRows(csvAlone) / csvAlone.seconds.csv;

  const vsPsql = await loadVersusPsql(context);
  const ratio = vsPsql.loadSeconds / vsPsql.psqlSeconds;
  return [
    atMost('CSV + PostgreSQL load, concurrently', both.seconds.total, 's', 60),
    atMost('peak RSS during it (sampled)', dataset.generationPeakRssBytes / MiB, 'MiB', 1024),
    measured('rows written then', csvDataRows(both) + postgresRows(both), 'rows'),
    atLeast('CSV export alone', csvAloneRate, 'rows/s', 1_000_000),
    atLeast('CSV export during the concurrent run', csvDataRows(both) / both.seconds.csv, 'rows/s', 1_000_000),
    measured('PostgreSQL load alone', vsPsql.loadSeconds, 's', {
      ratio,
      baseline: `vs psql \\copy (${vsPsql.psqlSeconds.toFixed(2)} s)`,
    }),
    atMost('PostgreSQL load / psql \\copy', ratio, 'x', 1.5),
    measured('PostgreSQL rows loaded', vsPsql.rows, 'rows'),
  ];
}

const generatorCase: BenchCase = {
  name: 'generator',
  description:
    'CSV export and PostgreSQL load of the whole business (shared dataset), CSV alone, load alone vs psql \\copy',
  run,
};

export default generatorCase;
