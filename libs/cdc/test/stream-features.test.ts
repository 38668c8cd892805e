import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdcBatch, type CdcStatusSent, cdcStatus, parseLsn, runCdcUntilIdle, startCdc } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { EventWaiter } from './support/event-waiter';

const TABLES = ['docs', 'items'];

describe('stream features', () => {
  let fx: CdcFixture;
  const options = () => ({
    connection: fx.connection,
    store: fx.store,
    tables: TABLES,
    cutIntervalMs: 100,
    maxRowsPerFile: 40_000,
  });

  beforeAll(async () => {
    // A tiny decoding memory makes PostgreSQL stream in-progress transactions (protocol 2).
    fx = await startCdcFixture({ schema: false, settings: { logical_decoding_work_mem: '64kB' } });
    await fx.query(`
      CREATE TABLE docs (id int PRIMARY KEY, title text NOT NULL, body text, amount numeric(12,2));
      ALTER TABLE docs REPLICA IDENTITY FULL;
      CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL, note text);
      ALTER TABLE items REPLICA IDENTITY FULL;
      INSERT INTO items SELECT g, 0, 'n' FROM generate_series(1, 100000) g;
    `);
    await runCdcUntilIdle(options());
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('fills unchanged TOAST values from the old row: a >1 MB value arrives whole after an update of another column', async () => {
    const big = randomBytes(900_000).toString('base64'); // 1.2 MB of incompressible text
    await fx.query(`INSERT INTO docs (id, title, body) VALUES (1, 'first', $1)`, [big]);
    await fx.query(`UPDATE docs SET title = 'second' WHERE id = 1`);
    await runCdcUntilIdle(options());
    const rows = (await fx.rawRows('docs', { cdcOnly: true })).filter((r) => r.id === 1);
    expect(rows.map((r) => [r.Op, r.title])).toEqual([
      ['I', 'first'],
      ['U', 'second'],
    ]);
    expect(String(rows[1]?.body).length).toBe(big.length);
    expect(rows[1]?.body === big).toBe(true);
  });

  it('streams a large transaction without waiting for its commit, drops aborted (sub)transactions', async () => {
    const client = await fx.pool.connect();
    await client.query('BEGIN');
    await client.query(`UPDATE items SET qty = qty + 1`);
    await client.query('SAVEPOINT s1');
    await client.query(`UPDATE items SET note = 'rolled back' WHERE id <= 5000`);
    await client.query('ROLLBACK TO SAVEPOINT s1');
    await client.query(`UPDATE items SET note = 'kept' WHERE id <= 10`);
    await client.query('COMMIT');
    await client.query('BEGIN');
    await client.query(`UPDATE items SET qty = -1 WHERE id <= 50000`);
    await client.query('ROLLBACK');
    client.release();
    const batches: CdcBatch[] = [];
    const summary = await runCdcUntilIdle({ ...options(), onBatch: (b) => void batches.push(b) });
    expect(summary.streamedTransactions).toBeGreaterThanOrEqual(1);

    const counts = await fx.duck(
      `SELECT count(*) AS n, count(DISTINCT _cdc_commit_lsn) AS txns, min(_cdc_seq) AS lo, max(_cdc_seq) AS hi, count(*) FILTER (WHERE note = 'rolled back') AS rolled, count(*) FILTER (WHERE qty < 0) AS aborted
         FROM read_parquet('${fx.lakeDir}/raw/database/pg_items/2*.parquet')`,
    );
    expect(counts[0]).toEqual({ n: '100010', txns: '1', lo: '1', hi: '100010', rolled: '0', aborted: '0' });
    // Split into files of at most maxRowsPerFile rows.
    expect(
      batches
        .flatMap((b) => b.files)
        .filter((f) => f.table === 'items')
        .map((f) => f.rows),
    ).toEqual([40_000, 40_000, 20_010]);
    const last = await fx.duck(
      `SELECT id, qty, note FROM read_parquet('${fx.lakeDir}/raw/database/pg_items/2*.parquet') WHERE id = 3 ORDER BY _cdc_seq`,
    );
    expect(last).toEqual([
      { id: 3, qty: 1, note: 'n' },
      { id: 3, qty: 1, note: 'kept' },
    ]);
  });

  it('follows added, dropped and retyped columns in the next files and records them with their LSN', async () => {
    const batches = new EventWaiter<CdcBatch>();
    const runner = startCdc({ ...options(), onBatch: batches.listener });
    await runner.streaming;
    await fx.query(`INSERT INTO docs (id, title, amount) VALUES (10, 'before', 1.50)`);
    await fx.query(`ALTER TABLE docs ADD COLUMN tags text`);
    await fx.query(`INSERT INTO docs (id, title, tags) VALUES (11, 'added', 'x,y')`);
    await fx.query(`ALTER TABLE docs DROP COLUMN body`);
    await fx.query(`INSERT INTO docs (id, title) VALUES (12, 'dropped')`);
    await fx.query(`ALTER TABLE docs ALTER COLUMN amount TYPE numeric(14,4)`);
    await fx.query(`INSERT INTO docs (id, title, amount) VALUES (13, 'retyped', 2.1234)`);
    // Stop once a stored batch holds the last change (the walsender first re-reads WAL of the earlier tests).
    const holdsLastChange = async (batch: CdcBatch) => {
      for (const file of batch.files.filter((f) => f.table === 'docs')) {
        if ((await fx.duck(`SELECT id FROM read_parquet('${fx.store.localPath(file.key)}') WHERE id = 13`)).length > 0)
          return true;
      }
      return false;
    };
    await batches.until(holdsLastChange, runner.done);
    await runner.stop();

    const files: string[] = [];
    for await (const info of fx.store.list('raw/database/pg_docs/2')) files.push(info.key);
    const shapes = new Map<number, Record<string, string>>();
    for (const key of files) {
      const described = await fx.duck(
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${fx.store.localPath(key)}'))`,
      );
      const ids = await fx.duck(`SELECT id FROM read_parquet('${fx.store.localPath(key)}')`);
      for (const { id } of ids)
        shapes.set(
          Number(id),
          Object.fromEntries(described.map((c) => [String(c.column_name), String(c.column_type)])),
        );
    }
    expect(shapes.get(10)).toMatchObject({ body: 'VARCHAR', amount: 'DECIMAL(12,2)' });
    expect(shapes.get(10)).not.toHaveProperty('tags');
    expect(shapes.get(11)).toMatchObject({ body: 'VARCHAR', tags: 'VARCHAR' });
    expect(shapes.get(12)).not.toHaveProperty('body');
    expect(shapes.get(13)).toMatchObject({ amount: 'DECIMAL(14,4)', tags: 'VARCHAR' });

    const history = (await fx.store.getBytes('state/cdc/autocorp_cdc/schema-history.jsonl'))
      .toString()
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            event: string;
            table: string;
            lsn: string;
            columns?: { name: string; lakeType: string }[];
          },
      );
    const docs = history.filter((e) => e.table === 'docs');
    expect(docs.map((e) => e.event)).toEqual(['initial', 'relation', 'relation', 'relation']);
    expect(docs[1]?.columns?.map((c) => c.name)).toEqual(['id', 'title', 'body', 'amount', 'tags']);
    expect(docs[2]?.columns?.map((c) => c.name)).toEqual(['id', 'title', 'amount', 'tags']);
    expect(docs[3]?.columns?.find((c) => c.name === 'amount')?.lakeType).toBe('DECIMAL(14,4)');
    const lsnOf = (id: number) =>
      fx.duck(
        `SELECT _cdc_commit_lsn AS l FROM read_parquet('${fx.lakeDir}/raw/database/pg_docs/2*.parquet') WHERE id = ${id}`,
      );
    const toBig = (lsn: string) => {
      const [hi, lo] = lsn.split('/') as [string, string];
      return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
    };
    expect(toBig(docs[1]?.lsn as string)).toBe(BigInt(String((await lsnOf(11))[0]?.l)));
    const schemas = JSON.parse((await fx.store.getBytes('state/cdc/autocorp_cdc/schemas.json')).toString()) as Record<
      string,
      { columns: { name: string }[] }
    >;
    expect(schemas.docs?.columns.map((c) => c.name)).toEqual(['id', 'title', 'amount', 'tags']);
  });

  it('keeps an idle slot moving with heartbeats and reports health', async () => {
    const statusUpdates = new EventWaiter<CdcStatusSent>();
    const runner = startCdc({
      ...options(),
      heartbeatIntervalMs: 200,
      statusIntervalMs: 200,
      onStatusSent: statusUpdates.listener,
    });
    await runner.streaming;
    // WAL from a table outside the publication: nothing to capture, yet the slot must pass it.
    await fx.query(`CREATE TABLE unrelated (id int)`);
    await fx.query(`INSERT INTO unrelated SELECT generate_series(1, 1000)`);
    const [{ lsn: target }] = (await fx.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`)) as [
      { lsn: string },
    ];
    // After each status update CDC sends (at least every 200 ms), look whether the slot has passed it.
    const slotPassed = async () => {
      const [row] = await fx.query<{ ok: boolean }>(
        `SELECT confirmed_flush_lsn >= $1::pg_lsn AS ok FROM pg_replication_slots WHERE slot_name = 'autocorp_cdc'`,
        [target],
      );
      return row?.ok === true;
    };
    await statusUpdates.until(slotPassed, runner.done);
    // The acknowledgement the slot took is among those CDC reported sending.
    expect(statusUpdates.seen.at(-1)?.ackLsn).toBeGreaterThanOrEqual(parseLsn(target));
    const status = await cdcStatus(options());
    expect(status).toMatchObject({ slotExists: true, active: true, invalidated: false, walStatus: 'reserved' });
    expect(status.lagBytes).toBeLessThan(1024 * 1024);
    expect(Object.values(status.tables).map((t) => t.state)).toEqual(['ready', 'ready']);
    await runner.stop();
    const stopped = await cdcStatus(options());
    expect(stopped.active).toBe(false);
  });

  it('stops with the error of a failing progress listener instead of letting it escape from a timer', async () => {
    const runner = startCdc({
      ...options(),
      statusIntervalMs: 200,
      onStatusSent: () => {
        throw new Error('the status listener failed');
      },
    });
    await expect(runner.done).rejects.toThrow('the status listener failed');
  });
});
