import path from 'node:path';
import { runJobs } from '../src/index';
import { secondsSince } from './bench-timer';
import { generatedLake } from './generated-lake';

export interface CdcBatchBenchResult {
  readonly scale: number;
  /** Rows in curated sales_order before the batch. */
  readonly tableRows: number;
  readonly changes: number;
  /** The sales_order job run on the batch: read the CDC files, rules, Hudi upsert + delete. */
  readonly seconds: number;
  /** Of which the Hudi writes. */
  readonly writeSeconds: number;
  readonly counts: { readonly inserted: number; readonly updated: number; readonly deleted: number };
}

/** Orders changed by one batch: updates of the most recent orders, new orders, deletes of older ones. */
const UPDATES = 6_000;
const INSERTS = 3_000;
const DELETES = 1_000;

/**
 * A CDC batch of 10,000 order changes upserted into curated sales_order: the ten jobs build the tables
 * first (untimed), then PostgreSQL takes 6,000 updates, 3,000 inserts and 1,000 deletes in one
 * transaction, CDC streams them (untimed), and the sales_order job's run on them is timed.
 */
export async function cdcBatchBench(options: { scale: number; workDir: string; log?: (line: string) => void }): Promise<CdcBatchBenchResult> {
  const log = options.log ?? (() => undefined);
  const lake = await generatedLake({ scale: options.scale, folder: path.join(options.workDir, 'cdc-batch'), log });
  try {
    let start = performance.now();
    const built = await runJobs({ store: lake.store, progress: false, jobs: ['sales_order'] });
    const orders = built.find((r) => r.job === 'sales_order');
    if (orders?.status !== 'committed') throw new Error(`sales_order did not commit: ${orders?.error ?? 'no report'}`);
    log(`built curated sales_order (${orders.counts.inserted} rows) in ${secondsSince(start)} s`);

    const updates = Math.min(UPDATES, Math.floor(orders.counts.inserted / 4));
    const deletes = Math.min(DELETES, Math.floor(orders.counts.inserted / 20));
    const client = await lake.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE sales_order SET status = 'Refunded', updated_at = updated_at + interval '1 hour'
         WHERE order_id IN (SELECT order_id FROM sales_order ORDER BY order_date DESC, order_id LIMIT $1)`,
        [updates],
      );
      await client.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at)
         SELECT m.id + g, c.customer_id, TIMESTAMP '2025-12-31 09:00:00' + g * interval '1 second', 'INV-1' || lpad(CAST(900000000 + g AS TEXT), 9, '0'),
           'Cash', 10.00, 0.83, 10.83, 'Parts', 'Pending', NULL, now(), now()
         FROM generate_series(1, $1) g, (SELECT max(order_id) AS id FROM sales_order) m, (SELECT min(customer_id) AS customer_id FROM customers) c`,
        [INSERTS],
      );
      await client.query(`DELETE FROM sales_order WHERE order_id IN (SELECT order_id FROM sales_order ORDER BY order_date, order_id LIMIT $1)`, [deletes]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    start = performance.now();
    await lake.cdc();
    log(`CDC streamed the batch in ${secondsSince(start)} s`);

    start = performance.now();
    const run = (await runJobs({ store: lake.store, progress: false, jobs: ['sales_order'] })).find((r) => r.job === 'sales_order');
    const seconds = secondsSince(start);
    if (run?.status !== 'committed') throw new Error(`sales_order did not commit the batch: ${run?.error ?? 'no report'}`);
    return {
      scale: options.scale,
      tableRows: orders.counts.inserted,
      changes: updates + INSERTS + deletes,
      seconds,
      writeSeconds: run.timings.writeMs / 1000,
      counts: { inserted: run.counts.inserted, updated: run.counts.updated, deleted: run.counts.deleted },
    };
  } finally {
    await lake.close();
  }
}
