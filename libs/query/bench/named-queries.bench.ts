/**
 * Bench: every named query on the local curated tables (generator scale 1 after `autocorp run`),
 * p50 and p95 over repeated runs (target < 300 ms), and the ratio to DuckDB running the same SQL
 * over one plain Parquet copy of each table. Default-exports a case in the shape of
 * tools/bench's BenchCase ({ name, description, run(context) => metrics }).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Catalog, DEFAULT_DATABASES, LocalCatalogBackend } from '@autocorp/catalog';
import { resolveStateHome } from '@autocorp/config';
import { HudiTable } from '@autocorp/hudi';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbExecutor, NAMED_QUERIES, buildNamedQuery, renderNamedQuery, schemaFromCatalogTables } from '../src/index';

interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
  readonly ratio?: number;
  readonly baseline?: string;
}

interface Context {
  readonly scale: number;
  readonly workDir: string;
  readonly log: (line: string) => void;
}

const RUNS = 15;
const TARGET_MS = 300;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

async function run(context: Context): Promise<Metric[]> {
  const home = resolveStateHome();
  const catalog = new Catalog(new LocalCatalogBackend({ root: home.catalog }));
  const tables = await catalog.listTables(DEFAULT_DATABASES.curated).catch(() => []);
  const needed = [...new Set(NAMED_QUERIES.flatMap((q) => q.tables))];
  const missing = needed.filter((t) => !tables.some((x) => x.name === t));
  if (missing.length) {
    throw new Error(`The curated tables ${missing.join(', ')} are not in the catalog at ${home.catalog}. Run \`autocorp run\` at scale ${context.scale}, then \`autocorp crawl\`.`);
  }
  const schema = schemaFromCatalogTables(tables);
  const executor = new DuckDbExecutor({ catalog });

  // Baseline: one plain Parquet file per table (the Hudi snapshot copied), queried by plain DuckDB.
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const plain = await instance.connect();
  const copyDir = path.join(context.workDir, 'plain-parquet');
  await fs.mkdir(copyDir, { recursive: true });
  for (const name of needed) {
    const table = tables.find((t) => t.name === name);
    const hudi = await HudiTable.open(fileURLToPath(table?.location ?? ''));
    const file = path.join(copyDir, `${name}.parquet`);
    await plain.run(`COPY (${await hudi.sql({ type: 'snapshot' })}) TO '${file}' (FORMAT parquet)`);
    await plain.run(`CREATE VIEW "${name}" AS SELECT * FROM read_parquet('${file}')`);
  }

  const metrics: Metric[] = [];
  for (const query of NAMED_QUERIES) {
    const built = buildNamedQuery(query, {}, schema);
    const compiled = renderNamedQuery(query, 'duckdb', { schema });
    const lake: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await executor.execute(built);
      lake.push(performance.now() - t0);
      const t1 = performance.now();
      await plain.runAndReadAll(compiled.sql, compiled.parameters as never);
      baseline.push(performance.now() - t1);
    }
    const p50 = percentile(lake, 50);
    const p95 = percentile(lake, 95);
    const base50 = percentile(baseline, 50);
    context.log(`${query.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, plain Parquet p50 ${base50.toFixed(1)} ms`);
    metrics.push({ name: `${query.name} p50`, value: p50, unit: 'ms', target: `<= ${TARGET_MS} ms`, met: p50 <= TARGET_MS, ratio: p50 / base50, baseline: 'DuckDB over one plain Parquet copy' });
    metrics.push({ name: `${query.name} p95`, value: p95, unit: 'ms', target: `<= ${TARGET_MS} ms`, met: p95 <= TARGET_MS });
  }
  plain.closeSync();
  instance.closeSync();
  return metrics;
}

export default {
  name: 'named-queries',
  description: `Each named query through the DuckDB executor over the curated Hudi tables, p50/p95 of ${RUNS} runs, vs DuckDB over plain Parquet copies.`,
  run,
};
