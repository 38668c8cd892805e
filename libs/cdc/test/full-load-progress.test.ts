import type { ProgressEvent } from '@autocorp/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFullLoad } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { seededRandom, testSeed } from './support/seeded-random';

describe('full load progress events', () => {
  let fx: CdcFixture;
  let customers: number;
  beforeAll(async () => {
    fx = await startCdcFixture();
    const random = seededRandom(testSeed('full load progress'));
    customers = 5_000 + Math.floor(random() * 5_000);
    await fx.query(
      `INSERT INTO auto_parts (sku, description, category, manufacturer, price, stock_quantity) VALUES ('P-1', 'Pad', 'Brakes', 'Acme', 12.34, 5)`,
    );
    await fx.query(
      `INSERT INTO customers (customer_id, first_name, last_name, email, state, city)
       SELECT g, 'First' || g, 'Last' || g, 'c' || g || '@example.com', 'TX', 'Austin' FROM generate_series(1, ${customers}) g`,
    );
    await fx.query('ANALYZE');
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('reports one task per table, in order, counting the rows each table holds', async () => {
    const estimates = new Map(
      (
        await fx.query<{ name: string; n: string }>(
          `SELECT relname AS name, reltuples::bigint AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND reltuples >= 0`,
        )
      ).map((r) => [r.name, Number(r.n)]),
    );
    const events: ProgressEvent[] = [];
    const result = await runFullLoad({
      connection: fx.connection,
      store: fx.store,
      maxRowsPerFile: 1_000,
      onProgress: (e) => events.push(e),
    });

    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['full-load']));
    expect(new Set(events.map((e) => e.subject))).toEqual(new Set(result.tables.map((t) => t.table)));
    for (const { table, rows } of result.tables) {
      const own = events.filter((e) => e.subject === table);
      const [counted] = await fx.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      expect(rows, table).toBe(Number(counted?.n));
      expect(own[0], table).toMatchObject({ phase: 'start', done: 0, unit: 'rows', total: estimates.get(table) });
      expect(own.at(-1), table).toMatchObject({ phase: 'finish', done: rows });
      expect(own.slice(1, -1).every((e) => e.phase === 'advance')).toBe(true);
      for (let i = 1; i < own.length; i++) {
        expect(own[i]!.done).toBeGreaterThanOrEqual(own[i - 1]!.done);
        expect(own[i]!.at).toBeGreaterThanOrEqual(own[i - 1]!.at);
      }
    }
    // The customers table is read in parts of at most maxRowsPerFile rows, each reported.
    const customerAdvances = events.filter((e) => e.subject === 'customers' && e.phase === 'advance');
    expect(customerAdvances.length).toBeGreaterThanOrEqual(Math.ceil(customers / 1_000));
    expect(customerAdvances.at(-1)?.done).toBe(customers);
  });
});
