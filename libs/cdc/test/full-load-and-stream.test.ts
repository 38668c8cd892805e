import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdcBatch, runCdcUntilIdle, startCdc } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { startCustomerWorkload } from './support/customer-workload';
import { EventWaiter } from './support/event-waiter';
import { seededRandom, testSeed } from './support/seeded-random';
import { replayRaw } from './support/replay';

const PRELOADED = 30_000;
/** Stored batches with customer changes to wait for while the workload writes. */
const STREAMED_BATCHES = 3;

describe('full load and stream', () => {
  let fx: CdcFixture;

  beforeAll(async () => {
    fx = await startCdcFixture();
    await fx.query(
      `INSERT INTO auto_parts (sku, description, category, manufacturer, price, stock_quantity) VALUES ('P-1', 'Pad', 'Brakes', 'Acme', 12.34, 5)`,
    );
    await fx.query(
      `INSERT INTO customers (customer_id, first_name, last_name, email, state, city)
       SELECT g, 'First' || g, 'Last' || g, 'c' || g || '@example.com', 'TX', CASE WHEN g % 7 = 0 THEN NULL ELSE 'Austin' END FROM generate_series(1, ${PRELOADED}) g`,
    );
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('loads every table from the slot snapshot while writes run, then streams exactly the rest', async () => {
    const workload = startCustomerWorkload(
      fx.pool,
      1_000_000,
      PRELOADED,
      seededRandom(testSeed('full load and stream')),
    );
    const options = {
      connection: fx.connection,
      store: fx.store,
      maxRowsPerFile: 12_000,
      cutIntervalMs: 200,
      heartbeatIntervalMs: 500,
    };
    const batches = new EventWaiter<CdcBatch>();
    const runner = startCdc({ ...options, onBatch: batches.listener });
    await runner.streaming;
    // Writes go on until the stream has stored several batches of customer changes made after the full load began.
    let customerBatches = 0;
    await batches.until((batch) => {
      if (batch.files.some((f) => f.table === 'customers')) customerBatches += 1;
      return customerBatches >= STREAMED_BATCHES && workload.operations >= 50;
    }, runner.done);
    const operations = await workload.stop();
    expect(operations).toBeGreaterThanOrEqual(50);
    await runner.stop();
    // A second, one-shot pass resumes from the stored position and catches up to now.
    const summary = await runCdcUntilIdle(options);
    expect(summary.fullLoad).toBeUndefined();

    const loadKeys: string[] = [];
    for await (const info of fx.store.list('raw/database/pg_customers/LOAD')) loadKeys.push(info.key);
    expect(loadKeys).toEqual([
      'raw/database/pg_customers/LOAD00000001.parquet',
      'raw/database/pg_customers/LOAD00000002.parquet',
      'raw/database/pg_customers/LOAD00000003.parquet',
    ]);

    const raw = await fx.rawRows('customers');
    const replayed = replayRaw(raw, (r) => String(r.customer_id));
    const source = await fx.query<{
      customer_id: number;
      email: string;
      city: string | null;
      last_name: string;
      phone: string | null;
      updated_at: string;
    }>(
      `SELECT customer_id, email, city, last_name, phone, to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.US') AS updated_at FROM customers ORDER BY customer_id`,
    );
    expect(replayed.size).toBe(source.length);
    for (const row of source) {
      const lake = replayed.get(String(row.customer_id));
      expect(lake, `customer ${row.customer_id}`).toBeDefined();
      expect({ email: lake?.email, city: lake?.city, last_name: lake?.last_name, phone: lake?.phone }).toEqual({
        email: row.email,
        city: row.city,
        last_name: row.last_name,
        phone: row.phone,
      });
      expect(
        String(lake?.updated_at)
          .padEnd(26, '0')
          .replace(/\.?0*$/, ''),
      ).toBe(row.updated_at.replace(/\.?0*$/, ''));
    }
    // No change is in the lake twice.
    const changeIds = raw.filter((r) => String(r._cdc_seq) !== '0').map((r) => `${r._cdc_commit_lsn}/${r._cdc_seq}`);
    expect(new Set(changeIds).size).toBe(changeIds.length);
  });

  it('writes I, U and D in commit order with the order inside each transaction, deletes carrying the old row', async () => {
    const options = { connection: fx.connection, store: fx.store, cutIntervalMs: 100 };
    await fx.query(
      `INSERT INTO auto_parts (sku, description, category, manufacturer, price, stock_quantity) VALUES ('OPS-1', 'Filter', 'Engine', 'Acme', 9.99, 1)`,
    );
    await fx.query(`UPDATE auto_parts SET stock_quantity = 2, price = 10.50 WHERE sku = 'OPS-1'`);
    const client = await fx.pool.connect();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO auto_parts (sku, description, category, manufacturer, price) VALUES ('OPS-2', 'Belt', 'Engine', 'Acme', 20)`,
    );
    await client.query(`UPDATE auto_parts SET stock_quantity = 3 WHERE sku = 'OPS-1'`);
    await client.query(`DELETE FROM auto_parts WHERE sku = 'OPS-2'`);
    await client.query('COMMIT');
    client.release();
    await fx.query(`DELETE FROM auto_parts WHERE sku = 'OPS-1'`);
    await runCdcUntilIdle(options);

    const changes = (await fx.rawRows('auto_parts', { cdcOnly: true })).filter((r) => String(r.sku).startsWith('OPS-'));
    expect(changes.map((r) => [r.Op, r.sku, r.stock_quantity])).toEqual([
      ['I', 'OPS-1', 1],
      ['U', 'OPS-1', 2],
      ['I', 'OPS-2', 0],
      ['U', 'OPS-1', 3],
      ['D', 'OPS-2', 0],
      ['D', 'OPS-1', 3],
    ]);
    expect(changes[1]?.price).toBe('10.50');
    const txn = changes.slice(2, 5);
    expect(new Set(txn.map((r) => r._cdc_commit_lsn)).size).toBe(1);
    expect(txn.map((r) => Number(r._cdc_seq))).toEqual([1, 2, 3]);
    expect(changes[5]).toMatchObject({ description: 'Filter', manufacturer: 'Acme', price: '10.50' });

    const file = [
      ...(await fx.duck(
        `SELECT filename FROM read_parquet('${fx.lakeDir}/raw/database/pg_auto_parts/2*.parquet', filename = true) LIMIT 1`,
      )),
    ][0]?.filename;
    const schema = await fx.duck(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`,
    );
    expect(Object.fromEntries(schema.map((c) => [c.column_name, c.column_type]))).toMatchObject({
      Op: 'VARCHAR',
      _cdc_commit_ts: 'TIMESTAMP WITH TIME ZONE',
      _cdc_commit_lsn: 'BIGINT',
      _cdc_seq: 'BIGINT',
      sku: 'VARCHAR',
      price: 'DECIMAL(10,2)',
      stock_quantity: 'INTEGER',
      created_at: 'TIMESTAMP',
    });
  });
});
