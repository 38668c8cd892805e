import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdcStatus, cdcStatus, runCdcUntilIdle } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';

/** The status survives JSON (what `autocorp cdc status --json` prints): no NaN turning into a bare null. */
function expectJsonFaithful(status: CdcStatus): void {
  expect(JSON.parse(JSON.stringify(status))).toEqual(status);
}

/** Every null value of the status is listed with its reason, and only those. */
function expectNullsExplained(status: CdcStatus): void {
  const nullFields = (['lagBytes', 'lagSeconds', 'confirmedFlushLsn', 'position', 'lastCommitTime'] as const).filter(
    (f) => status[f] === null,
  );
  expect(Object.keys(status.unknown).sort()).toEqual([...nullFields].sort());
  for (const reason of Object.values(status.unknown)) expect(reason).toMatch(/\w{4,}/);
}

describe('cdc status of values it cannot know', () => {
  let fx: CdcFixture;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: ['parts'] });

  beforeAll(async () => {
    // The slot may keep at most 1 MB of WAL beyond what it needs: switching a few segments invalidates it.
    fx = await startCdcFixture({ schema: false, settings: { max_slot_wal_keep_size: '1MB', wal_keep_size: '0' } });
    await fx.query(`CREATE TABLE parts (id int PRIMARY KEY, name text NOT NULL); INSERT INTO parts VALUES (1, 'p1');`);
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('reports lag, position and last commit as unknown with the reason before CDC has a slot', async () => {
    const status = await cdcStatus(options());
    expect(status).toMatchObject({
      slotExists: false,
      lagBytes: null,
      lagSeconds: null,
      lagBasis: 'unknown',
      confirmedFlushLsn: null,
      position: null,
      lastCommitTime: null,
    });
    expect(status.unknown.lagSeconds).toMatch(/no replication slot "autocorp_cdc" yet/);
    expect(status.unknown.lagBytes).toBe(status.unknown.lagSeconds);
    expect(status.unknown.position).toMatch(/no full load yet/);
    expectNullsExplained(status);
    expectJsonFaithful(status);
  });

  it('reports the last commit as unknown after a full load that streamed no change yet', async () => {
    await runCdcUntilIdle(options());
    const status = await cdcStatus(options());
    expect(status.slotExists).toBe(true);
    expect(status.position).not.toBeNull();
    expect(status.lastCommitTime).toBeNull();
    expect(status.unknown.lastCommitTime).toMatch(/no change streamed yet/);
    expect(typeof status.lagSeconds).toBe('number');
    expectNullsExplained(status);
    expectJsonFaithful(status);
  });

  it('reports the lag in seconds of an invalidated slot as unknown, naming the invalidation', async () => {
    for (let i = 0; i < 4; i++) {
      await fx.query(
        `INSERT INTO parts SELECT g, repeat('x', 200) FROM generate_series(${i * 1000 + 10}, ${i * 1000 + 999}) g`,
      );
      await fx.query('SELECT pg_switch_wal()');
    }
    await fx.query('CHECKPOINT');
    const [slot] = await fx.query<{ wal_status: string }>(
      `SELECT wal_status FROM pg_replication_slots WHERE slot_name = 'autocorp_cdc'`,
    );
    expect(slot?.wal_status).toBe('lost');

    const status = await cdcStatus(options());
    expect(status).toMatchObject({ slotExists: true, invalidated: true, lagSeconds: null, lagBasis: 'unknown' });
    expect(status.unknown.lagSeconds).toMatch(/slot "autocorp_cdc" is invalidated \(wal_status lost/);
    expect(typeof status.lagBytes).toBe('number');
    expectNullsExplained(status);
    expectJsonFaithful(status);
  });
});
