import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createTable } from '@autocorp/hudi';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured } from '../src/bench-case';
import { timed } from '../src/timing';

/** Orders in the curated sales_order table at scale 1 (PostgreSQL orders plus unique CSV invoices). */
const ORDERS_AT_SCALE_1 = 1_190_000;
/** Months of order history: 72 year/month partitions. */
const MONTHS = 72;
const UPDATES = 7_000;
const INSERTS = 3_000;

/** A sales_order-like row per i in [from, from + count): invoice key, updated_at precombine, year/month partition. */
function orderSql(rows: number, from: number, count: number, version: number): string {
  const month = `(i * ${MONTHS} // ${rows})`;
  return `
  SELECT printf('INV-%08d', i) AS invoice_number,
         (i % 5000)::INTEGER AS customer_id,
         CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'closed' END AS status,
         ((i % 100000) / 100.0 + ${version})::DECIMAL(12,2) AS total_amount,
         DATE '2019-01-01' + INTERVAL (${month}) MONTH + INTERVAL (i % 28) DAY AS order_date,
         TIMESTAMP '2019-01-01 08:00:00' + INTERVAL (${month}) MONTH + INTERVAL (${version} * 60 + i % 600) MINUTE AS updated_at,
         (2019 + ${month} // 12)::INTEGER AS order_year,
         (1 + ${month} % 12)::INTEGER AS order_month,
         i
  FROM range(${from}, ${from + count}) t(i)`;
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const rows = Math.max(1_000, Math.round(ORDERS_AT_SCALE_1 * context.scale));
  const updates = Math.min(UPDATES, Math.floor(rows / 7));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const table = await createTable({
      basePath: path.join(context.workDir, 'sales_order'),
      tableName: 'sales_order',
      recordKeyFields: ['invoice_number'],
      precombineField: 'updated_at',
      partitionFields: ['order_year', 'order_month'],
      hiveStylePartitioning: true,
    });
    context.log(`bulk_insert of ${rows} orders in ${MONTHS} partitions`);
    const build = await timed(() =>
      table.bulkInsert(connection, `SELECT * EXCLUDE (i) FROM (${orderSql(rows, 0, rows, 0)})`),
    );

    // A CDC batch: updates of every 7th of the most recent orders, plus new orders in the last month.
    await connection.run(`CREATE TEMP TABLE changes AS
      SELECT * EXCLUDE (i) REPLACE ('refunded' AS status) FROM (${orderSql(rows, rows - updates * 7, updates * 7, 1)}) WHERE i % 7 = 0`);
    await connection.run(
      `INSERT INTO changes SELECT * EXCLUDE (i) REPLACE (2024 AS order_year, 12 AS order_month) FROM (${orderSql(rows, rows, INSERTS, 1)})`,
    );
    context.log(`upsert of ${updates + INSERTS} changes`);
    const upsert = await timed(() => table.upsert(connection, 'changes'));
    const result = upsert.result;
    return [
      atMost(`upsert of ${result.numUpdates + result.numInserts} changes`, upsert.seconds, 's', 2, {
        ratio: upsert.seconds / build.seconds,
        baseline: `vs bulk_insert of the table (${build.seconds.toFixed(2)} s)`,
      }),
      measured('rows in the table', rows, 'rows'),
      measured('base files rewritten by the upsert', result.filesWritten.length, 'files'),
      ...Object.entries(result.timings).map(([phase, ms]) => measured(`upsert phase ${phase}`, ms, 'ms')),
    ];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const hudiUpsertCase: BenchCase = {
  name: 'hudi-upsert',
  description:
    'Upsert of a 10,000-change CDC batch (7,000 updates, 3,000 inserts) into a 1.19M-order Hudi table (scaled)',
  run,
};

export default hudiUpsertCase;
