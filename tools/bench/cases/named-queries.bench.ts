/**
 * Bench: every named query through the DuckDB executor over the curated Hudi tables at the bench
 * scale (default 1), p50 and p95 over repeated runs (target <= 300 ms), and the ratio to plain
 * DuckDB running the same SQL over one plain Parquet copy of each table, interleaved run by run
 * so both see the same machine load.
 *
 * State (untimed): the tables of an `autocorp run --scale <scale>` home given by
 * AUTOCORP_BENCH_HOME when it holds them; otherwise built here from the shared bench dataset
 * (CDC full load from its PostgreSQL, CSV transfer, the ten ETL jobs, crawl) into the case's
 * scratch folder, with the CDC slot and publication dropped afterwards.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Catalog, type CatalogTable, DEFAULT_DATABASES, LocalCatalogBackend, crawlAll } from '@autocorp/catalog';
import { dropCdc, runCdcUntilIdle } from '@autocorp/cdc';
import { stateHomeAt } from '@autocorp/config';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { runJobs } from '@autocorp/etl';
import { CSV_FILES, MANIFEST_FILE } from '@autocorp/generator';
import { HudiTable } from '@autocorp/hudi';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import { openObjectStore } from '@autocorp/lake-storage';
import {
  DuckDbExecutor,
  NAMED_QUERIES,
  buildNamedQuery,
  renderNamedQuery,
  schemaFromCatalogTables,
} from '@autocorp/query';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured, percentile } from '../src/bench-case';

const RUNS = 15;
const TARGET_MS = 300;
const CDC_NAME = 'autocorp_bench_named_queries';
const NEEDED_TABLES = [...new Set(NAMED_QUERIES.flatMap((q) => q.tables))];

interface CuratedState {
  readonly catalog: Catalog;
  readonly tables: CatalogTable[];
  readonly origin: string;
}

async function curatedTablesOf(catalog: Catalog): Promise<CatalogTable[]> {
  return catalog.listTables(DEFAULT_DATABASES.curated).catch(() => []);
}

/** The home named by AUTOCORP_BENCH_HOME, when it holds curated tables generated at this scale; else why not. */
async function reusableHome(root: string, scale: number): Promise<CuratedState | string> {
  const home = stateHomeAt(path.resolve(root));
  let manifest: { scale?: number };
  try {
    manifest = JSON.parse(await readFile(path.join(home.generated, MANIFEST_FILE), 'utf8')) as { scale?: number };
  } catch {
    return `${home.generated}/${MANIFEST_FILE} is missing (no \`autocorp run\` there)`;
  }
  if (manifest.scale !== scale) return `it holds scale ${String(manifest.scale)}, not ${scale}`;
  const catalog = new Catalog(new LocalCatalogBackend({ root: home.catalog }));
  const tables = await curatedTablesOf(catalog);
  const missing = NEEDED_TABLES.filter((t) => !tables.some((x) => x.name === t));
  if (missing.length > 0) return `its catalog lacks ${missing.join(', ')} (run \`autocorp crawl\` there)`;
  return { catalog, tables, origin: `AUTOCORP_BENCH_HOME=${home.root}` };
}

/** CDC full load, CSV transfer, ETL and crawl from the shared bench dataset into `workDir`; leaves the dataset's server as found. */
async function buildState(context: BenchContext): Promise<CuratedState> {
  const dataset = await context.dataset();
  const lakeRoot = path.join(context.workDir, 'lake');
  const store = openObjectStore(pathToFileURL(lakeRoot).href);
  const cdc = { connection: dataset.postgres.connectionConfig, store, slotName: CDC_NAME, publicationName: CDC_NAME };
  try {
    let started = performance.now();
    await runCdcUntilIdle(cdc);
    context.log(`state: CDC full load in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const data = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];
    const transfer = await transferCsvFiles({
      sourceDir: dataset.csvDir,
      store,
      expectedHeaders: Object.fromEntries(data.map((f) => [f.name.replace(/\.csv$/, ''), [...f.columns]])),
    });
    if (transfer.errors.length > 0)
      throw new Error(`the CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
    context.log(`state: CSV transfer in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const reports = await runJobs({ store, cdcSlot: CDC_NAME });
    const bad = reports.filter((r) => r.status === 'failed' || r.status === 'blocked');
    if (bad.length > 0)
      throw new Error(`ETL jobs did not commit: ${bad.map((r) => `${r.job}: ${r.error ?? r.status}`).join('; ')}`);
    context.log(`state: ten ETL jobs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dropCdc(cdc).catch((error: unknown) =>
      context.log(`state: could not drop CDC slot ${CDC_NAME}: ${(error as Error).message}`),
    );
  }
  const catalog = new Catalog(new LocalCatalogBackend({ root: path.join(context.workDir, 'catalog') }));
  await crawlAll({ store, catalog });
  return {
    catalog,
    tables: await curatedTablesOf(catalog),
    origin: `built from the scale-${context.scale} bench dataset`,
  };
}

async function curatedState(context: BenchContext): Promise<CuratedState> {
  const given = process.env.AUTOCORP_BENCH_HOME?.trim();
  if (given) {
    const reusable = await reusableHome(given, context.scale);
    if (typeof reusable !== 'string') return reusable;
    context.log(`state: AUTOCORP_BENCH_HOME=${given} is not reusable: ${reusable}; building the tables instead`);
  } else {
    context.log(
      'state: building the curated tables (set AUTOCORP_BENCH_HOME to a home of `autocorp run --scale <n>` to reuse one)',
    );
  }
  return buildState(context);
}

/**
 * One plain Parquet file per table holding its snapshot as the executor's view shows it (Hudi meta
 * columns included, timestamps as TIMESTAMP), registered as views on `plain`.
 */
async function plainParquetCopies(
  plain: DuckDBConnection,
  tables: readonly CatalogTable[],
  dir: string,
): Promise<void> {
  await plain.run("SET TimeZone = 'UTC'");
  for (const name of NEEDED_TABLES) {
    const table = tables.find((t) => t.name === name);
    if (!table) throw new Error(`The curated table ${name} is not in the catalog.`);
    const hudi = await HudiTable.open(fileURLToPath(table.location));
    const timestamps = (await hudi.schema()).fields
      .filter((f) => f.duckdbType === 'TIMESTAMP WITH TIME ZONE')
      .map((f) => `CAST(${quoteIdentifier(f.name)} AS TIMESTAMP) AS ${quoteIdentifier(f.name)}`);
    const select =
      timestamps.length > 0
        ? `SELECT * REPLACE (${timestamps.join(', ')}) FROM (${await hudi.sql({ type: 'snapshot' })})`
        : await hudi.sql({ type: 'snapshot' });
    const file = quoteLiteral(path.join(dir, `${name}.parquet`));
    await plain.run(`COPY (${select}) TO ${file} (FORMAT parquet)`);
    await plain.run(`CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM read_parquet(${file})`);
  }
}

function sameRows(a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[]): boolean {
  const text = (rows: readonly Record<string, unknown>[]) =>
    JSON.stringify(
      rows.map((r) =>
        Object.values(r).map((v) => (v === null ? null : String(Number.isNaN(Number(v)) ? v : Number(v)))),
      ),
    );
  return text(a) === text(b);
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const state = await curatedState(context);
  context.log(`state: ${state.origin}`);
  const schema = schemaFromCatalogTables(state.tables);
  const executor = new DuckDbExecutor({ catalog: state.catalog });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const plain = await instance.connect();
  const metrics: BenchMetric[] = [measured('load average (1 min) before', os.loadavg()[0] ?? 0, '')];
  try {
    await plainParquetCopies(plain, state.tables, context.workDir);
    let started = performance.now();
    await executor.execute(buildNamedQuery('customers_by_state', {}, schema));
    metrics.push(
      measured(
        'first query of a new executor (DuckDB instance, catalog, table listing)',
        performance.now() - started,
        'ms',
      ),
    );
    for (const query of NAMED_QUERIES) {
      const built = buildNamedQuery(query, {}, schema);
      const compiled = renderNamedQuery(query, 'duckdb', { schema });
      started = performance.now();
      const first = await executor.execute(built);
      metrics.push(
        measured(`${query.name} first run (opens its tables, not in p50/p95)`, performance.now() - started, 'ms'),
      );
      const reference = await plain.runAndReadAll(compiled.sql, compiled.parameters as never);
      if (!sameRows(first.rows, reference.getRowObjectsJson() as Record<string, unknown>[])) {
        throw new Error(
          `${query.name}: the lake and the plain Parquet copy give different rows; the comparison would be meaningless.`,
        );
      }
      const lake: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        started = performance.now();
        await executor.execute(built);
        lake.push(performance.now() - started);
        started = performance.now();
        await plain.runAndReadAll(compiled.sql, compiled.parameters as never);
        baseline.push(performance.now() - started);
      }
      const p50 = percentile(lake, 50);
      const base50 = percentile(baseline, 50);
      context.log(
        `${query.name}: p50 ${p50.toFixed(1)} ms, p95 ${percentile(lake, 95).toFixed(1)} ms; plain Parquet p50 ${base50.toFixed(1)} ms`,
      );
      metrics.push(
        atMost(`${query.name} p50`, p50, 'ms', TARGET_MS, {
          ratio: p50 / base50,
          baseline: 'DuckDB over one plain Parquet copy (p50)',
        }),
      );
      metrics.push(atMost(`${query.name} p95`, percentile(lake, 95), 'ms', TARGET_MS));
      metrics.push(measured(`${query.name} plain Parquet p50`, base50, 'ms'));
    }
    // Where top_selling_parts spends its time: the same scan and grouping with count() in place of count(DISTINCT).
    const top = renderNamedQuery('top_selling_parts', 'duckdb', { schema });
    const withoutDistinct = top.sql.replace(/count\(DISTINCT /i, 'count(');
    const diagnostic: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      await executor.execute(withoutDistinct, top.parameters);
      diagnostic.push(performance.now() - started);
    }
    metrics.push(
      measured(
        'top_selling_parts with count() for count(DISTINCT) (diagnostic, not exact), p50',
        percentile(diagnostic, 50),
        'ms',
      ),
    );
    metrics.push(measured('load average (1 min) after', os.loadavg()[0] ?? 0, ''));
    return metrics;
  } finally {
    await executor.close();
    plain.closeSync();
    instance.closeSync();
  }
}

const namedQueriesBench: BenchCase = {
  name: 'named-queries',
  description: `Each named query through the DuckDB executor over the curated Hudi tables, p50/p95 of ${RUNS} runs (target <= ${TARGET_MS} ms), vs DuckDB over plain Parquet copies.`,
  run,
};

export default namedQueriesBench;
