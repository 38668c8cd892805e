import path from 'node:path';
import type pg from 'pg';
import { runJobs } from '../src/index';
import { type EtlBenchOptions, secondsSince } from './bench-timer';
import { generatedLake } from './generated-lake';

export interface CdcBatchBenchResult {
  readonly scale: number;
  /** Rows in curated sales_order before the batch. */
  readonly tableRows: number;
  readonly changes: number;
  /** The sales_order job run on the batch: read the CDC files, rules, Hudi upsert + delete. */
  readonly seconds: number;
  /** Of which the Hudi writes (and the bookmark). */
  readonly writeSeconds: number;
  readonly counts: { readonly inserted: number; readonly updated: number; readonly deleted: number };
}

/** The batch: updates of the most recent orders, new orders, deletes of orders added before the batch. */
const UPDATES = 6_000;
const INSERTS = 3_000;
const DELETES = 1_000;
/** Invoice numbers of the bench's own orders, far above the generator's. */
const INVOICE_BASE = 1_900_000_000;

const NEW_ORDERS = `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at)
  SELECT $1::BIGINT + g, c.customer_id, TIMESTAMP '2025-12-31 09:00:00' + g * interval '1 second', 'INV-' || ($2::BIGINT + $1::BIGINT + g),
    'Cash', 10.00, 0.83, 10.83, 'Parts', 'Pending', NULL, TIMESTAMP '2025-12-31 09:00:00', TIMESTAMP '2025-12-31 09:00:00'
  FROM generate_series(1, $3::INT) g, (SELECT min(customer_id) AS customer_id FROM customers) c`;

/**
 * A CDC batch of 10,000 order changes upserted into curated sales_order. Untimed: the raw zone, the table,
 * and 1,000 extra orders (a first small batch). Timed: the sales_order job on one transaction of 6,000
 * updates of the most recent orders, 3,000 new orders and deletes of the 1,000 extra ones, streamed by CDC.
 * PostgreSQL is put back as it was afterwards.
 */
export async function cdcBatchBench(options: EtlBenchOptions): Promise<CdcBatchBenchResult> {
  const log = options.log ?? (() => undefined);
  const lake = await generatedLake({
    scale: options.scale,
    folder: path.join(options.workDir, 'cdc-batch'),
    log,
    ...(options.business ? { business: options.business } : {}),
  });
  const salesOrder = async () => {
    const report = (await runJobs({ store: lake.store, cdcSlot: lake.cdcSlot, jobs: ['sales_order'] })).find(
      (r) => r.job === 'sales_order',
    );
    if (report?.status !== 'committed')
      throw new Error(`sales_order did not commit: ${report?.error ?? report?.status ?? 'no report'}`);
    return report;
  };
  const pool = lake.pool;
  const maxId = Number((await pool.query<{ id: string }>('SELECT max(order_id) AS id FROM sales_order')).rows[0]?.id);
  const updated = (
    await pool.query<{ order_id: string; status: string }>(
      `SELECT order_id, status FROM sales_order ORDER BY order_date DESC, order_id LIMIT $1`,
      [UPDATES],
    )
  ).rows;
  let batchCommitted = false;
  try {
    let start = performance.now();
    const built = await salesOrder();
    log(`built curated sales_order (${built.counts.inserted} rows) in ${secondsSince(start)} s`);
    await pool.query(NEW_ORDERS, [maxId, INVOICE_BASE, DELETES]);
    await lake.cdc();
    const before = await salesOrder();
    const tableRows = built.counts.inserted + before.counts.inserted;

    await inTransaction(pool, async (client) => {
      await client.query(
        `UPDATE sales_order SET status = 'Refunded', updated_at = updated_at + interval '1 hour' WHERE order_id = ANY($1::BIGINT[])`,
        [updated.map((r) => r.order_id)],
      );
      await client.query(NEW_ORDERS, [maxId + DELETES, INVOICE_BASE, INSERTS]);
      await client.query('DELETE FROM sales_order WHERE order_id > $1 AND order_id <= $2', [maxId, maxId + DELETES]);
    });
    batchCommitted = true;
    start = performance.now();
    await lake.cdc();
    log(`CDC streamed the batch in ${secondsSince(start)} s`);

    start = performance.now();
    const run = await salesOrder();
    const seconds = secondsSince(start);
    return {
      scale: options.scale,
      tableRows,
      changes: updated.length + INSERTS + DELETES,
      seconds,
      writeSeconds: run.timings.writeMs / 1000,
      counts: { inserted: run.counts.inserted, updated: run.counts.updated, deleted: run.counts.deleted },
    };
  } finally {
    // Leave the source as it was: no bench orders, the updated orders back to their status and time.
    try {
      await pool.query('DELETE FROM sales_order WHERE order_id > $1', [maxId]);
      if (batchCommitted) {
        await pool.query(
          `UPDATE sales_order s SET status = v.status, updated_at = s.updated_at - interval '1 hour' FROM unnest($1::BIGINT[], $2::TEXT[]) v(id, status) WHERE s.order_id = v.id`,
          [updated.map((r) => r.order_id), updated.map((r) => r.status)],
        );
      }
    } finally {
      await lake.close();
    }
  }
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
