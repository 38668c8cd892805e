import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSimulator, SimulationSummary, SimulatorEvent } from '../src/index';
import { invariantViolations } from './helpers/invariants';
import { type DatabaseCopy, type SeededServer, startSeededPostgres, tableCounts } from './helpers/seeded-postgres';
import { CLOCK_START, simulate } from './helpers/simulate';
import { StalledClock } from './helpers/test-clocks';

const SEED = 77;

/** Every table holds what it held before plus the rows the run says it inserted, minus those it deleted. */
async function expectCountsMatch(db: DatabaseCopy, before: Record<string, number>, summary: SimulationSummary) {
  const after = await tableCounts(db.pool);
  for (const table of SOURCE_TABLE_NAMES) {
    const rows = summary.counts.rows[table];
    expect(after[table], table).toBe((before[table] as number) + rows.insert - rows.delete);
  }
}

describe('stopping the order simulator', () => {
  let pg: SeededServer;

  beforeAll(async () => {
    pg = await startSeededPostgres(3, 0.02);
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('lets the transaction in flight commit whole when stop() arrives in the middle of it', async () => {
    const db = await pg.copy('stop_mid_transaction');
    const before = await tableCounts(db.pool);
    let stopping: Promise<SimulationSummary> | undefined;
    let inFlight: Extract<SimulatorEvent, { type: 'transaction-begun' }> | undefined;
    const run = await simulate(
      db,
      { seed: SEED },
      {
        onEvent(event, simulator: OrderSimulator) {
          if (stopping || event.type !== 'transaction-begun') return;
          if (event.kind === 'new-order' && event.statements >= 4 && simulator.snapshot().transactions >= 20) {
            inFlight = event;
            stopping = simulator.stop();
          }
        },
      },
    );
    expect(inFlight).toBeDefined();
    expect(await stopping).toEqual(run.summary);
    expect(run.summary.reason).toBe('requested');
    const begun = run.events.filter((e) => e.type === 'transaction-begun');
    const committed = run.events.filter((e) => e.type === 'transaction-committed');
    expect(begun.at(-1)).toBe(inFlight);
    expect(committed.length).toBe(begun.length);
    expect(committed.at(-1)).toMatchObject({ kind: 'new-order', statements: inFlight?.statements });
    const { rows } = await db.pool.query<{ lines: string }>(
      `SELECT (SELECT count(*) FROM sales_order_parts p WHERE p.order_id = o.order_id)
            + (SELECT count(*) FROM sales_order_services s WHERE s.order_id = o.order_id) AS lines
       FROM sales_order o ORDER BY order_id DESC LIMIT 1`,
    );
    expect(Number(rows[0]?.lines)).toBe((inFlight?.statements ?? 0) - 1);
    await expectCountsMatch(db, before, run.summary);
    expect(Object.values(await invariantViolations(db.pool)).every((n) => n === 0)).toBe(true);
  });

  it('ends a pause at once when stopped while waiting for the next transaction', async () => {
    const db = await pg.copy('stop_while_waiting');
    const before = await tableCounts(db.pool);
    const clock = new StalledClock(CLOCK_START);
    let handle: OrderSimulator | undefined;
    const running = simulate(db, { seed: SEED }, { clock, onEvent: (_event, simulator) => (handle = simulator) });
    await clock.waiting;
    if (!handle) throw new Error('the simulator reported no event before waiting');
    const stopped = await handle.stop();
    const run = await running;
    expect(stopped).toEqual(run.summary);
    expect(run.summary.reason).toBe('requested');
    expect(run.summary.counts.transactions).toBe(run.events.filter((e) => e.type === 'transaction-committed').length);
    await expectCountsMatch(db, before, run.summary);
  });

  it('stops by itself at the end of --duration on its clock', async () => {
    const db = await pg.copy('stop_at_duration');
    const durationMs = 3_000;
    const run = await simulate(db, { seed: SEED, ordersPerSecond: 10, durationMs });
    const started = run.events.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no started event');
    expect(run.summary.reason).toBe('limit');
    expect(run.summary.elapsedMs).toBeLessThanOrEqual(durationMs);
    const intervalMs = 1000 / started.transactionsPerSecond;
    // Transactions are due at 0, 1, 2 ... intervals: every due time before the end runs.
    expect(run.summary.counts.transactions).toBe(Math.ceil(durationMs / intervalMs));
  });
});
