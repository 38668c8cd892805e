import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdcStatus, runCdcUntilIdle } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { crashAfterFiles } from './support/crash-after-files';

const TABLES = ['parts', 'notes'];

describe('truncate and lag', () => {
  let fx: CdcFixture;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: TABLES, cutIntervalMs: 100 });
  const truncateEvents = async () =>
    (await fx.store.getBytes('state/cdc/autocorp_cdc/schema-history.jsonl'))
      .toString()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; table: string; lsn: string })
      .filter((e) => e.event === 'truncate');

  beforeAll(async () => {
    // A tiny decoding memory makes PostgreSQL stream large transactions before they commit.
    fx = await startCdcFixture({
      schema: false,
      settings: { logical_decoding_work_mem: '64kB', track_commit_timestamp: 'on' },
    });
    await fx.query(`
      CREATE TABLE parts (id int PRIMARY KEY, name text NOT NULL);
      ALTER TABLE parts REPLICA IDENTITY FULL;
      CREATE TABLE notes (id int PRIMARY KEY, body text);
      ALTER TABLE notes REPLICA IDENTITY FULL;
      INSERT INTO parts SELECT g, 'p' || g FROM generate_series(1, 10) g;
      INSERT INTO notes VALUES (1, 'n1');
    `);
    await runCdcUntilIdle(options());
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('writes one T row per truncated table at its place in the transaction, once, even when the batch is replayed after a crash', async () => {
    const client = await fx.pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO parts VALUES (100, 'before')`);
    await client.query(`TRUNCATE parts, notes`);
    await client.query(`INSERT INTO parts VALUES (101, 'after')`);
    await client.query('COMMIT');
    client.release();

    await expect(runCdcUntilIdle({ ...options(), store: crashAfterFiles(fx.store) })).rejects.toThrow(/injected crash/);
    const replay = await runCdcUntilIdle(options());
    expect(replay.recoveredFiles.length).toBeGreaterThan(0);

    const parts = await fx.rawRows('parts', { cdcOnly: true });
    expect(parts.map((r) => [r.Op, Number(r._cdc_seq), r.id, r.name])).toEqual([
      ['I', 1, 100, 'before'],
      ['T', 2, null, null],
      ['I', 4, 101, 'after'],
    ]);
    const notes = await fx.rawRows('notes', { cdcOnly: true });
    expect(notes.map((r) => [r.Op, Number(r._cdc_seq), r.id, r.body])).toEqual([['T', 3, null, null]]);
    expect(notes[0]?._cdc_commit_lsn).toBe(parts[0]?._cdc_commit_lsn);

    const events = await truncateEvents();
    expect(events.map((e) => e.table).sort()).toEqual(['notes', 'parts']);
    const lsn = BigInt(String(parts[0]?._cdc_commit_lsn));
    expect(
      events.every(
        (e) => e.lsn === `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`,
      ),
    ).toBe(true);
  });

  it('writes the T row of a large transaction that PostgreSQL streamed before its commit, not one rolled back to a savepoint', async () => {
    const client = await fx.pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO parts SELECT g, 'bulk' || g FROM generate_series(1000, 5999) g`);
    // A truncate in a subtransaction that rolls back never reaches the lake.
    await client.query('SAVEPOINT s1');
    await client.query(`TRUNCATE parts`);
    // Enough after it that PostgreSQL streams the subtransaction before it rolls back.
    await client.query(`INSERT INTO parts SELECT g, 'doomed' || g FROM generate_series(10000, 12999) g`);
    await client.query('ROLLBACK TO SAVEPOINT s1');
    await client.query(`TRUNCATE parts`);
    await client.query(`INSERT INTO parts VALUES (7, 'survivor')`);
    await client.query('COMMIT');
    client.release();
    const summary = await runCdcUntilIdle(options());
    expect(summary.streamedTransactions).toBeGreaterThanOrEqual(1);

    const rows = (await fx.rawRows('parts', { cdcOnly: true })).filter(
      (r) => BigInt(String(r._cdc_commit_lsn)) === summary.position.lsn,
    );
    expect(rows.length).toBe(5002);
    expect(rows.slice(-2).map((r) => [r.Op, Number(r._cdc_seq), r.id])).toEqual([
      ['T', 5001, null],
      ['I', 5002, 7],
    ]);
    expect((await truncateEvents()).filter((e) => e.table === 'parts')).toHaveLength(2);
  });

  it('reports lag while nothing streams as the age of the oldest unacknowledged captured commit, without holding the slot', async () => {
    const slotBefore = async () =>
      (
        await fx.query<{ lsn: string }>(
          `SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = 'autocorp_cdc'`,
        )
      )[0]?.lsn;
    // The test server commits asynchronously; decoding sees a commit only once its WAL is flushed,
    // so these commit synchronously (a busy machine can delay the WAL writer past the status call).
    const commitFlushed = (sql: string) => fx.query(`BEGIN; SET LOCAL synchronous_commit = on; ${sql}; COMMIT`);
    // WAL of a table CDC does not capture: nothing is waiting, whatever the time since the last batch.
    await commitFlushed(`CREATE TABLE unrelated (id int); INSERT INTO unrelated SELECT generate_series(1, 100)`);
    const quiet = await cdcStatus(options());
    expect(quiet.lagBytes).toBeGreaterThan(0);
    expect(quiet).toMatchObject({ active: false, lagBasis: 'caught-up', lagSeconds: 0 });

    await commitFlushed(`INSERT INTO notes VALUES (50, 'waiting')`);
    await commitFlushed(`INSERT INTO notes VALUES (51, 'later')`);
    const confirmed = await slotBefore();
    // The commit times PostgreSQL recorded (track_commit_timestamp), in microseconds since the Unix epoch.
    const commitMicros = (
      await fx.query<{ micros: string }>(
        `SELECT (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint::text AS micros FROM notes WHERE id IN (50, 51) ORDER BY id`,
      )
    ).map((r) => BigInt(r.micros));
    const [first, second] = commitMicros as [bigint, bigint];
    expect(second > first).toBe(true);
    // A clock a minute after the commits: the lag is the age of the first of the two commits at that time,
    // not of the second, and not the time since the last batch.
    const now = new Date(Number(second / 1000n) + 60_000);
    const ageAt = (micros: bigint) => Number(BigInt(now.getTime()) * 1000n - micros) / 1e6;
    const waiting = await cdcStatus({ ...options(), now: () => now });
    expect(waiting.lagBasis).toBe('oldest-pending-commit');
    expect(waiting.lagSeconds).toBe(ageAt(first));
    expect(ageAt(first)).not.toBe(ageAt(second));
    // Nothing consumed, no probe slot left behind.
    expect(await slotBefore()).toBe(confirmed);
    expect(await fx.query(`SELECT slot_name FROM pg_replication_slots`)).toEqual([{ slot_name: 'autocorp_cdc' }]);

    await runCdcUntilIdle(options());
    expect((await cdcStatus(options())).lagBasis).toBe('caught-up');
  });
});
