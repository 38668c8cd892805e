import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCdcUntilIdle, startCdc } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { crashAfterFiles } from './support/crash-after-files';

const slotLsn = async (fx: CdcFixture) =>
  (
    await fx.query<{ lsn: string }>(
      `SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = 'autocorp_cdc'`,
    )
  )[0]?.lsn;

describe('a batch whose position could not be stored', () => {
  let fx: CdcFixture;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: ['parts'], cutIntervalMs: 100 });

  beforeAll(async () => {
    // PostgreSQL asks for a reply after 500 ms without one: that keepalive is the first thing the stream
    // delivers after the failed write (status and heartbeat intervals are far longer).
    fx = await startCdcFixture({ schema: false, settings: { wal_sender_timeout: '1s' } });
    await fx.query(
      `CREATE TABLE parts (id int PRIMARY KEY, name text NOT NULL); ALTER TABLE parts REPLICA IDENTITY FULL;`,
    );
    await runCdcUntilIdle(options());
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('is never acknowledged, so the next run streams its changes again', async () => {
    const before = await slotLsn(fx);
    const runner = startCdc({
      ...options(),
      store: crashAfterFiles(fx.store),
      heartbeatIntervalMs: 60_000,
      statusIntervalMs: 60_000,
    });
    await runner.streaming;
    await fx.query(`BEGIN; SET LOCAL synchronous_commit = on; INSERT INTO parts VALUES (1, 'kept'); COMMIT;`);
    await expect(runner.done).rejects.toThrow(/injected crash/);
    // The keepalive that followed the failure did not move the slot past the unstored change.
    expect(await slotLsn(fx)).toBe(before);

    const replay = await runCdcUntilIdle(options());
    expect(replay.recoveredFiles.length).toBeGreaterThan(0);
    const rows = await fx.rawRows('parts', { cdcOnly: true });
    expect(rows.map((r) => [r.Op, r.id, r.name])).toEqual([['I', 1, 'kept']]);
  });
});
