/**
 * Bench: builds a 1.19M-row sales_order-like table (invoice_number key, updated_at precombine,
 * partitioned by order year/month, 72 partitions) with bulk_insert, then upserts 10,000 changes
 * (7,000 updates of recent orders, 3,000 new orders). Target: the upsert under 2 s.
 * Run alone: `npx tsx libs/hudi/bench/upsert.bench.ts`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTable } from '../src/index';

export interface UpsertBenchResult {
  rows: number;
  changes: number;
  buildSeconds: number;
  upsertSeconds: number;
  filesWritten: number;
  /** Milliseconds per phase of the upsert (stage, index, plan, write, commit, clean). */
  upsertTimings: Record<string, number>;
}

const ROWS = 1_190_000;
const MONTHS = 72;

const orderSql = (from: number, count: number, version: number) => `
  SELECT printf('INV-%08d', i) AS invoice_number,
         (i % 5000)::INTEGER AS customer_id,
         CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'closed' END AS status,
         ((i % 100000) / 100.0 + ${version})::DECIMAL(12,2) AS total_amount,
         DATE '2019-01-01' + INTERVAL (i * ${MONTHS} // ${ROWS}) MONTH + INTERVAL (i % 28) DAY AS order_date,
         TIMESTAMP '2019-01-01 08:00:00' + INTERVAL (i * ${MONTHS} // ${ROWS}) MONTH + INTERVAL (${version} * 60 + i % 600) MINUTE AS updated_at,
         (2019 + (i * ${MONTHS} // ${ROWS}) // 12)::INTEGER AS order_year,
         (1 + (i * ${MONTHS} // ${ROWS}) % 12)::INTEGER AS order_month,
         i
  FROM range(${from}, ${from + count}) t(i)`;

export default async function upsertBench(): Promise<UpsertBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'hudi-bench-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const table = await createTable({
      basePath: join(dir, 'sales_order'),
      tableName: 'sales_order',
      recordKeyFields: ['invoice_number'],
      precombineField: 'updated_at',
      partitionFields: ['order_year', 'order_month'],
      hiveStylePartitioning: true,
    });
    const t0 = performance.now();
    await table.bulkInsert(connection, `SELECT * EXCLUDE (i) FROM (${orderSql(0, ROWS, 0)})`);
    const buildSeconds = (performance.now() - t0) / 1000;

    // 7,000 updates spread over the last three months plus 3,000 new orders in the last month.
    await connection.run(`CREATE TEMP TABLE changes AS
      SELECT * EXCLUDE (i) REPLACE ('refunded' AS status) FROM (${orderSql(ROWS - 7000 * 7, 7000 * 7, 1)}) WHERE i % 7 = 0`);
    await connection.run(`INSERT INTO changes SELECT * EXCLUDE (i) REPLACE (2024 AS order_year, 12 AS order_month) FROM (${orderSql(ROWS, 3000, 1)})`);
    const t1 = performance.now();
    const result = await table.upsert(connection, 'changes');
    const upsertSeconds = (performance.now() - t1) / 1000;
    return {
      rows: ROWS,
      changes: result.numUpdates + result.numInserts,
      buildSeconds,
      upsertSeconds,
      filesWritten: result.filesWritten.length,
      upsertTimings: result.timings,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await upsertBench();
  console.log(JSON.stringify(result, null, 2));
}
