import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXT_STATUS, OPERATION_KINDS, type OrderStatus, isAllowedTransition } from '../src/index';
import { invariantViolations, orderStatuses } from './helpers/invariants';
import { type SeededServer, startSeededPostgres, tableCounts, tableFingerprints } from './helpers/seeded-postgres';
import { simulate } from './helpers/simulate';

const GENERATOR_SEED = 5;
const SCALE = 0.02;
const SEED = 20261207;
const TRANSACTIONS = 600;

/** True when the lifecycle leads from `from` to `to` in zero or more steps. */
function reachable(from: string, to: string): boolean {
  let status: string | undefined = from;
  for (let step = 0; status !== undefined && step < 5; step++) {
    if (status === to || isAllowedTransition(status as OrderStatus, to as OrderStatus)) return true;
    status = NEXT_STATUS[status as OrderStatus];
  }
  return false;
}

describe('the order simulator on a generated database', () => {
  let pg: SeededServer;

  beforeAll(async () => {
    console.info(`generator seed ${GENERATOR_SEED}, scale ${SCALE}`);
    pg = await startSeededPostgres(GENERATOR_SEED, SCALE);
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('writes identical database contents for the same seed, and different ones for another seed', async () => {
    const first = await pg.copy('same_seed_a');
    const second = await pg.copy('same_seed_b');
    const other = await pg.copy('other_seed');
    const before = await tableFingerprints(first.pool);
    await simulate(first, { seed: SEED, maxTransactions: 200 });
    await simulate(second, { seed: SEED, maxTransactions: 200 });
    await simulate(other, { seed: SEED + 1, maxTransactions: 200 });
    const a = await tableFingerprints(first.pool);
    expect(a).not.toEqual(before);
    expect(await tableFingerprints(second.pool)).toEqual(a);
    expect(await tableFingerprints(other.pool)).not.toEqual(a);
  });

  describe('a run of mixed transactions', () => {
    let run: Awaited<ReturnType<typeof simulate>>;
    let before: { counts: Record<string, number>; statuses: Map<number, string> };
    let db: Awaited<ReturnType<SeededServer['copy']>>;

    beforeAll(async () => {
      db = await pg.copy('mixed_run');
      before = { counts: await tableCounts(db.pool), statuses: await orderStatuses(db.pool) };
      run = await simulate(db, { seed: SEED, maxTransactions: TRANSACTIONS, ordersPerSecond: 40 });
    });

    it('commits every kind of operation, and the rows the database holds are what its counts say', async () => {
      const { counts } = run.summary;
      expect(run.summary.reason).toBe('limit');
      expect(counts.transactions).toBe(TRANSACTIONS);
      for (const kind of OPERATION_KINDS) expect(counts.operations[kind], kind).toBeGreaterThan(0);
      expect(Object.values(counts.operations).reduce((s, n) => s + n, 0)).toBe(TRANSACTIONS);
      const after = await tableCounts(db.pool);
      for (const table of SOURCE_TABLE_NAMES) {
        const rows = counts.rows[table];
        expect(after[table], table).toBe((before.counts[table] as number) + rows.insert - rows.delete);
      }
      expect(counts.rows.sales_order.insert).toBe(counts.operations['new-order']);
      expect(counts.rows.sales_order.delete).toBe(counts.operations['order-deleted']);
      const committed = run.events.filter((e) => e.type === 'transaction-committed');
      expect(committed.at(-1)?.counts).toEqual(counts);
      expect(committed.filter((e) => e.kind === 'new-order').length).toBe(counts.operations['new-order']);
    });

    it('uses transactions of mixed size', () => {
      const sizes = new Set(run.events.flatMap((e) => (e.type === 'transaction-committed' ? [e.statements] : [])));
      expect(Math.min(...sizes)).toBe(1);
      expect(Math.max(...sizes)).toBeGreaterThanOrEqual(10);
      expect(sizes.size).toBeGreaterThanOrEqual(8);
    });

    it('moves statuses only along the order lifecycle, and counts refunds and cancellations', async () => {
      const after = await orderStatuses(db.pool);
      let refunded = 0;
      for (const [orderId, status] of after) {
        const was = before.statuses.get(orderId);
        if (was !== undefined) expect(reachable(was, status), `order ${orderId}: ${was} -> ${status}`).toBe(true);
        if (was !== status && status === 'Refunded') refunded++;
      }
      const { operations } = run.summary.counts;
      expect(refunded).toBe(operations.refund);
      const statusOf = (m: Map<number, string>, s: string): number => [...m.values()].filter((v) => v === s).length;
      expect(statusOf(after, 'Cancelled') - statusOf(before.statuses, 'Cancelled')).toBe(
        operations.cancellation - operations['order-deleted'],
      );
    });

    it('keeps the invariants the ETL rules check (totals = lines, tax, statuses, line prices)', async () => {
      const violations = await invariantViolations(db.pool);
      expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
    });

    it('paces transactions to the orders-per-second target on its clock', () => {
      const started = run.events.find((e) => e.type === 'started');
      if (started?.type !== 'started') throw new Error('no started event');
      expect(started.seed).toBe(SEED);
      const expectedMs = ((TRANSACTIONS - 1) * 1000) / started.transactionsPerSecond;
      expect(Math.abs(run.clock.waited - expectedMs)).toBeLessThan(0.01);
      expect(Math.abs(run.summary.elapsedMs - expectedMs)).toBeLessThan(0.01);
    });
  });
});
