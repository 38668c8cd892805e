import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { findFreePort } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderSimulator, type SimulationSummary, SimulatorError } from '../src/index';
import { invariantViolations } from './helpers/invariants';
import { type DatabaseCopy, type SeededServer, startSeededPostgres, tableCounts } from './helpers/seeded-postgres';
import { CLOCK_START, simulate, terminateSimulator } from './helpers/simulate';
import { HookedClock } from './helpers/test-clocks';

const SEED = 4242;

async function expectCountsMatch(db: DatabaseCopy, before: Record<string, number>, summary: SimulationSummary) {
  const after = await tableCounts(db.pool);
  for (const table of SOURCE_TABLE_NAMES) {
    const rows = summary.counts.rows[table];
    expect(after[table], table).toBe((before[table] as number) + rows.insert - rows.delete);
  }
}

async function startError(simulator: OrderSimulator): Promise<SimulatorError> {
  const error = await simulator.start().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SimulatorError)) throw new Error(`expected a SimulatorError, got ${String(error)}`);
  return error;
}

describe('the order simulator when things go wrong', () => {
  let pg: SeededServer;

  beforeAll(async () => {
    pg = await startSeededPostgres(9, 0.02);
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('refuses bad options with an error naming the option', () => {
    const make =
      (ordersPerSecond: number, seed = 1) =>
      () =>
        new OrderSimulator({ connection: 'postgres://x@127.0.0.1:1/x', ordersPerSecond, seed });
    expect(make(0)).toThrowError(
      expect.objectContaining({ kind: 'invalid-options', message: expect.stringContaining('ordersPerSecond') }),
    );
    expect(make(5, 1.5)).toThrowError(
      expect.objectContaining({ kind: 'invalid-options', message: expect.stringContaining('seed') }),
    );
  });

  it('reports a database nobody listens on as database-unreachable, naming the address', async () => {
    const port = await findFreePort();
    const error = await startError(
      new OrderSimulator({
        connection: `postgres://postgres@127.0.0.1:${port}/postgres`,
        ordersPerSecond: 5,
        seed: SEED,
      }),
    );
    expect(error.kind).toBe('database-unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.cause).toBeDefined();
  });

  it('reports a database without data or without tables as source-not-ready', async () => {
    const empty = await pg.empty('no_data');
    const noData = await startError(new OrderSimulator({ connection: empty.config, ordersPerSecond: 5, seed: SEED }));
    expect(noData.kind).toBe('source-not-ready');
    expect(noData.message).toContain('autocorp generate');
    await pg.admin.query('CREATE DATABASE no_tables');
    const config = { ...pg.server.connectionConfig, database: 'no_tables' };
    const noTables = await startError(new OrderSimulator({ connection: config, ordersPerSecond: 5, seed: SEED }));
    expect(noTables.kind).toBe('source-not-ready');
  });

  it('reconnects after losing its connection, says so, and keeps the database consistent', async () => {
    const db = await pg.copy('lost_connection');
    const before = await tableCounts(db.pool);
    const clock = new HookedClock(CLOCK_START, 30, async () => {
      expect(await terminateSimulator(pg.admin, db.name)).toBe(1);
    });
    const run = await simulate(db, { seed: SEED, maxTransactions: 120 }, { clock });
    const types = run.events.map((e) => e.type);
    expect(types).toContain('retrying');
    expect(types.indexOf('reconnected')).toBeGreaterThan(types.indexOf('retrying'));
    expect(run.summary.reason).toBe('limit');
    expect(run.summary.counts.transactions).toBe(120);
    await expectCountsMatch(db, before, run.summary);
    expect(Object.values(await invariantViolations(db.pool)).every((n) => n === 0)).toBe(true);
  });

  it('gives up after its retries when the database stays away, and stops with database-unreachable', async () => {
    const db = await pg.copy('gone_for_good');
    const before = await tableCounts(db.pool);
    const clock = new HookedClock(CLOCK_START, 10, async () => {
      await pg.admin.query(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS false`);
      await terminateSimulator(pg.admin, db.name);
    });
    const run = await simulate(db, { seed: SEED, retry: { attempts: 3, firstDelayMs: 100 } }, { clock });
    await pg.admin.query(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS true`);
    const retries = run.events.flatMap((e) => (e.type === 'retrying' ? [e] : []));
    expect(retries.map((r) => r.delayMs)).toEqual([100, 200, 400]);
    expect(run.summary.reason).toBe('failed');
    expect(run.summary.error?.kind).toBe('database-unreachable');
    expect(run.summary.error?.message).toContain('3 reconnection attempts');
    expect(run.events.at(-1)?.type).toBe('stopped');
    await expectCountsMatch(db, before, run.summary);
  });

  it('stops with statement-failed when a statement is refused, and the refused transaction leaves nothing', async () => {
    const db = await pg.copy('refused_statement');
    const before = await tableCounts(db.pool);
    const clock = new HookedClock(CLOCK_START, 20, async () => {
      await db.pool.query('ALTER TABLE sales_order_services ADD CONSTRAINT test_refuses_lines CHECK (false) NOT VALID');
    });
    const run = await simulate(db, { seed: SEED }, { clock });
    expect(run.summary.reason).toBe('failed');
    expect(run.summary.error?.kind).toBe('statement-failed');
    expect(run.summary.error?.message).toContain('rolled back');
    const lastBegun = run.events.filter((e) => e.type === 'transaction-begun').at(-1);
    expect(lastBegun?.statements).toBeGreaterThan(1);
    await expectCountsMatch(db, before, run.summary);
    expect(Object.values(await invariantViolations(db.pool)).every((n) => n === 0)).toBe(true);
  });
});
