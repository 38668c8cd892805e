import path from 'node:path';
import { crawlCuratedHudi } from '@autocorp/catalog';
import { HudiTable, formatInstantTime, parseInstantTime } from '@autocorp/hudi';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DuckDbExecutor,
  NAMED_QUERIES,
  type ResultRow,
  buildNamedQuery,
  runNamedQuery,
  schemaFromCatalogTables,
} from '../src/index';
import { type CuratedLake, createCuratedLake, loadPlainTables } from './helpers/curated-dataset';
import { installHudiFixture } from '@autocorp/hudi/testing';

/** Values compared as text, numbers to 4 decimals, so DECIMAL/DOUBLE/BIGINT spellings do not matter. */
function canon(rows: readonly Record<string, unknown>[]): Record<string, string | null>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v === null
          ? null
          : typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(String(v))
            ? Number(v).toFixed(4)
            : String(v),
      ]),
    ),
  );
}

describe('DuckDB executor over Hudi tables', () => {
  let instance: DuckDBInstance;
  let plain: DuckDBConnection;
  let lake: CuratedLake;
  let executor: DuckDbExecutor;

  const expected = async (sql: string) => canon((await plain.runAndReadAll(sql)).getRowObjectsJson());
  const run = async (name: string, params: Record<string, string | number> = {}) => {
    const tables = await lake.catalog.listTables('autocorp_curated');
    const result = await executor.execute(buildNamedQuery(name, params, schemaFromCatalogTables(tables)));
    return result;
  };

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    plain = await instance.connect();
    lake = await createCuratedLake(plain);
    await loadPlainTables(plain);
    executor = new DuckDbExecutor({ catalog: lake.catalog });
  });
  afterAll(async () => {
    plain.closeSync();
    instance.closeSync();
    await lake.close();
  });

  it('defines six named queries, each with a description and parameter defaults', () => {
    expect(NAMED_QUERIES.map((q) => q.name)).toEqual([
      'top_selling_parts',
      'revenue_by_month_and_order_type',
      'service_complexity',
      'customers_by_state',
      'average_order_value_by_payment_method',
      'service_with_parts',
    ]);
    for (const q of NAMED_QUERIES) {
      expect(q.description.length).toBeGreaterThan(20);
      for (const p of q.parameters) expect(p.default ?? p.dataDefault).toBeDefined();
    }
  });

  it('top_selling_parts matches hand-written SQL', async () => {
    const result = await run('top_selling_parts', { from: '2023-03-01', to: '2024-01-01', limit: 5 });
    expect(result.columns.map((c) => c.name)).toEqual([
      'sku',
      'description',
      'category',
      'units_sold',
      'revenue',
      'orders',
    ]);
    expect(result.rows).toHaveLength(5);
    expect(canon(result.rows)).toEqual(
      await expected(`SELECT p.sku, p.description, p.category, SUM(l.quantity) AS units_sold, SUM(l.line_total) AS revenue, COUNT(DISTINCT l.invoice_number) AS orders
        FROM sales_order_parts l JOIN sales_order o ON o.invoice_number = l.invoice_number JOIN auto_parts p ON p.sku = l.sku
        WHERE o.order_date >= TIMESTAMP '2023-03-01 00:00:00' AND o.order_date < TIMESTAMP '2024-01-01 00:00:00'
        GROUP BY ALL ORDER BY units_sold DESC, revenue DESC, p.sku LIMIT 5`),
    );
    expect(result.stats.filesScanned).toBeGreaterThan(0);
    expect(result.stats.bytesScanned).toBeGreaterThan(0);
  });

  it('revenue_by_month_and_order_type matches hand-written SQL', async () => {
    const result = await run('revenue_by_month_and_order_type');
    expect(result.rows.length).toBeGreaterThan(40);
    expect(result.columns.find((c) => c.name === 'month')?.type).toBe('date');
    expect(canon(result.rows)).toEqual(
      await expected(`SELECT strftime(order_date, '%Y-%m-01') AS month, order_type, count(*) AS orders, sum(total_amount) AS revenue
        FROM sales_order GROUP BY 1, 2 ORDER BY 1, 2`),
    );
  });

  it('a period query without from/to covers the data through its latest order day, and returns the period it used', async () => {
    // An order after the old hard-coded end of the default period (2026-01-01).
    const late = `SELECT * REPLACE ('INV-LATE1' AS invoice_number, TIMESTAMP '2026-03-15 10:00:00' AS order_date, 2026 AS order_year) FROM sales_order WHERE invoice_number = 'INV-00001'`;
    await (await HudiTable.open(path.join(lake.store.root, 'curated', 'sales_order'))).write(plain, 'upsert', late);
    await plain.run(`INSERT INTO sales_order ${late}`);
    const [range] = (
      await plain.runAndReadAll(
        `SELECT strftime(min(order_date), '%Y-%m-%d') AS first_day, strftime(max(order_date) + INTERVAL 1 DAY, '%Y-%m-%d') AS day_after_last FROM sales_order`,
      )
    ).getRowObjectsJson();
    const schema = schemaFromCatalogTables(await lake.catalog.listTables('autocorp_curated'));

    const all = await runNamedQuery(executor, 'revenue_by_month_and_order_type', {}, { schema });
    expect(all.period).toEqual({
      from: range?.['first_day'],
      to: range?.['day_after_last'],
      fromSource: 'data',
      toSource: 'data',
    });
    expect(all.values).toMatchObject({ from: range?.['first_day'], to: range?.['day_after_last'] });
    expect(canon(all.rows)).toEqual(
      await expected(`SELECT strftime(order_date, '%Y-%m-01') AS month, order_type, count(*) AS orders, sum(total_amount) AS revenue
        FROM sales_order GROUP BY 1, 2 ORDER BY 1, 2`),
    );
    expect(all.rows.at(-1)?.['month']).toBe('2026-03-01');

    const fromGiven = await runNamedQuery(
      executor,
      'average_order_value_by_payment_method',
      { from: '2024-01-01' },
      { schema },
    );
    expect(fromGiven.period).toEqual({
      from: '2024-01-01',
      to: range?.['day_after_last'],
      fromSource: 'given',
      toSource: 'data',
    });
    expect(canon(fromGiven.rows)).toEqual(
      await expected(`SELECT payment_method, count(*) AS orders, round(sum(total_amount) / count(*), 2) AS average_order_value, sum(total_amount) AS revenue
        FROM sales_order WHERE order_date >= '2024-01-01' GROUP BY payment_method ORDER BY average_order_value DESC, payment_method`),
    );

    const both = await runNamedQuery(
      executor,
      'top_selling_parts',
      { from: '2023-03-01', to: '2024-01-01', limit: 3 },
      { schema },
    );
    expect(both.period).toEqual({ from: '2023-03-01', to: '2024-01-01', fromSource: 'given', toSource: 'given' });
    expect((await runNamedQuery(executor, 'customers_by_state', {}, { schema })).period).toBeUndefined();
  });

  it('service_complexity matches hand-written SQL, with and without a minimum', async () => {
    const sql = (min: number) => `SELECT * FROM (
        SELECT s.serviceid, s.service, s.category, s.labor_minutes,
          (SELECT count(*) FROM service_parts x WHERE x.serviceid = s.serviceid) AS parts_count,
          (SELECT coalesce(sum(x.quantity), 0) FROM service_parts x WHERE x.serviceid = s.serviceid) AS total_parts_quantity,
          (SELECT coalesce(sum(x.quantity * p.price), 0) FROM service_parts x JOIN auto_parts p USING (sku) WHERE x.serviceid = s.serviceid) AS parts_cost
        FROM service s) WHERE parts_count >= ${min} ORDER BY parts_count DESC, serviceid`;
    const all = await run('service_complexity');
    expect(all.rows).toHaveLength(10);
    expect(canon(all.rows)).toEqual(await expected(sql(0)));
    const complex = await run('service_complexity', { min_parts: 2 });
    expect(canon(complex.rows)).toEqual(await expected(sql(2)));
    expect(complex.rows.length).toBeLessThan(10);
  });

  it('customers_by_state matches hand-written SQL', async () => {
    const result = await run('customers_by_state');
    expect(canon(result.rows)).toEqual(
      await expected(
        `SELECT state, count(*) AS customers FROM customers GROUP BY state ORDER BY customers DESC, state`,
      ),
    );
    expect(result.rows[0]).toEqual({ state: 'TX', customers: 22 });
  });

  it('average_order_value_by_payment_method matches hand-written SQL', async () => {
    const result = await run('average_order_value_by_payment_method', { from: '2023-06-01', to: '2024-06-01' });
    expect(canon(result.rows)).toEqual(
      await expected(`SELECT payment_method, count(*) AS orders, round(sum(total_amount) / count(*), 2) AS average_order_value, sum(total_amount) AS revenue
        FROM sales_order WHERE order_date >= '2023-06-01' AND order_date < '2024-06-01' GROUP BY payment_method ORDER BY average_order_value DESC, payment_method`),
    );
  });

  it('service_with_parts matches hand-written SQL, sees new commits, and travels back in time', async () => {
    const sql = `SELECT s.serviceid, s.service, s.category AS service_category, s.labor_minutes, s.labor_cost, p.sku, p.description AS part_description,
        p.manufacturer, sp.quantity, p.price AS unit_price, sp.quantity * p.price AS line_cost
      FROM service_parts sp JOIN service s USING (serviceid) JOIN auto_parts p USING (sku) WHERE sp.serviceid = 'SRV-BRK-003' ORDER BY p.sku`;
    const before = await run('service_with_parts', { serviceid: 'SRV-BRK-003' });
    expect(before.rows).toHaveLength(3);
    expect(canon(before.rows)).toEqual(await expected(sql));

    // Upsert: the first part of the service changes price in a new commit.
    const sku = String(before.rows[0]?.['sku']);
    const partsTable = await HudiTable.open(path.join(lake.store.root, 'curated', 'auto_parts'));
    // The lake's state before the upsert: the last commit of the dataset (sales_order_parts is written last).
    const beforeUpsert = (await HudiTable.open(path.join(lake.store.root, 'curated', 'sales_order_parts')))
      .commits()
      .at(-1) as string;
    await partsTable.write(
      plain,
      'upsert',
      `SELECT * REPLACE (CAST(999.99 AS DECIMAL(10,2)) AS price, TIMESTAMP '2024-02-01 00:00:00' AS updated_at) FROM auto_parts WHERE sku = '${sku}'`,
    );
    await plain.run(`UPDATE auto_parts SET price = 999.99 WHERE sku = '${sku}'`);

    const after = await run('service_with_parts', { serviceid: 'SRV-BRK-003' });
    expect(after.rows[0]?.['unit_price']).toBe('999.99');
    expect(canon(after.rows)).toEqual(await expected(sql));

    const tables = await lake.catalog.listTables('autocorp_curated');
    const asOf = await executor.execute(
      buildNamedQuery('service_with_parts', { serviceid: 'SRV-BRK-003' }, schemaFromCatalogTables(tables)),
      [],
      { asOf: beforeUpsert },
    );
    expect(asOf.rows).toEqual(before.rows);
  });

  it('runs read-only raw SQL with parameters and refuses the rest', async () => {
    const result = await executor.execute(
      'SELECT state, count(*) AS n FROM customers WHERE state <> $1 GROUP BY state ORDER BY state',
      ["'); DROP TABLE customers; --"],
    );
    expect(result.rows.map((r: ResultRow) => r['state'])).toEqual(['CA', 'FL', 'NY', 'TX', 'WA']);
    await expect(executor.execute('DROP TABLE customers')).rejects.toMatchObject({ kind: 'refused' });
    await expect(executor.execute("SELECT * FROM read_csv('/etc/passwd')")).rejects.toMatchObject({ kind: 'refused' });
    await expect(executor.execute('SELECT * FROM nope')).rejects.toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('cancels a running query through its AbortSignal', async () => {
    const already = new AbortController();
    already.abort();
    await expect(executor.execute('SELECT 1 AS x', [], { signal: already.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
    // Aborted once the executor reports the query started: DuckDB interrupts the running statement
    // (it counts 10^12 rows, which no test waits for).
    const controller = new AbortController();
    let started = 0;
    const running = executor.execute('SELECT count(*) AS n FROM range(1000000000000) a', [], {
      signal: controller.signal,
      onStarted: () => {
        started++;
        controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled', message: expect.stringContaining('cancelled') });
    expect(started).toBe(1);
    // The connection it ran on is usable again.
    expect((await executor.execute('SELECT 42 AS x')).rows).toEqual([{ x: 42 }]);
  });

  it('returns Hudi timestamps as the TIMESTAMP they were written from (UTC wall clock), typed timestamp', async () => {
    const result = await executor.execute(
      "SELECT invoice_number, order_date, date_trunc('month', order_date) AS month FROM sales_order WHERE invoice_number = 'INV-00001'",
    );
    expect(result.rows).toEqual([
      { invoice_number: 'INV-00001', order_date: '2023-01-03 09:00:00', month: '2023-01-01 00:00:00' },
    ]);
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'timestamp', 'timestamp']);
  });

  it('runs queries at the same time on one executor', async () => {
    const results = await Promise.all(
      ['CA', 'NY', 'TX'].map((state) =>
        executor.execute('SELECT count(*) AS n FROM customers WHERE state = $1', [state]),
      ),
    );
    const expectedCounts = await Promise.all(
      ['CA', 'NY', 'TX'].map((state) => expected(`SELECT count(*) AS n FROM customers WHERE state = '${state}'`)),
    );
    expect(results.map((r) => canon(r.rows))).toEqual(expectedCounts);
  });

  it('refuses to run after close(), naming what to do', async () => {
    const closing = new DuckDbExecutor({ catalog: lake.catalog });
    expect((await closing.execute('SELECT count(*) AS n FROM customers')).rows).toEqual([{ n: 50 }]);
    await closing.close();
    await expect(closing.execute('SELECT 1 AS x')).rejects.toMatchObject({
      kind: 'execution-failed',
      message: expect.stringContaining('create a new one'),
    });
  });

  describe('Spark-written fixtures', () => {
    beforeAll(async () => {
      await installHudiFixture('cow_v6_nonpartitioned', path.join(lake.store.root, 'curated', 'fixture_plain'));
      await installHudiFixture(
        'cow_v6_simplekeygen_nonhivestyle_overwritetable',
        path.join(lake.store.root, 'curated', 'fixture_overwrite'),
      );
      await crawlCuratedHudi({ store: lake.store, catalog: lake.catalog });
    });
    const rows = (r: { rows: ResultRow[] }) => r.rows.map((x) => [x['id'], x['name'], x['isActive']]);

    it('time travel: as of the first commit the upsert is not there yet', async () => {
      const sql = 'SELECT id, name, "isActive" FROM fixture_plain ORDER BY id';
      expect(rows(await executor.execute(sql))).toEqual([
        [1, 'Alice', false],
        [2, 'Bob', false],
        [3, 'Carol', true],
        [4, 'Diana', true],
      ]);
      expect(rows(await executor.execute(sql, [], { asOf: '20240418173550988' }))).toEqual([
        [1, 'Alice', true],
        [2, 'Bob', false],
        [3, 'Carol', true],
      ]);
    });

    it('time travel before the first commit names the table and its earliest commit instead of returning no rows', async () => {
      const table = await HudiTable.open(path.join(lake.store.root, 'curated', 'fixture_plain'));
      const first = table.commits()[0] as string;
      const justBefore = formatInstantTime(new Date(parseInstantTime(first).getTime() - 1));
      const sql = 'SELECT id FROM fixture_plain';
      await expect(executor.execute(sql, [], { asOf: justBefore })).rejects.toMatchObject({
        kind: 'no-commit-as-of',
        message: expect.stringMatching(
          new RegExp(`"fixture_plain" has no commit at or before ${justBefore}.*earliest commit is ${first}`),
        ),
      });
      // At the first commit itself the table is there.
      expect((await executor.execute(sql, [], { asOf: first })).rows.length).toBeGreaterThan(0);
    });

    it('incremental reads return exactly the rows each commit changed', async () => {
      const sql = 'SELECT id, name, "isActive" FROM fixture_overwrite ORDER BY id';
      expect(rows(await executor.execute(sql, [], { since: '19700101000000000', until: '20240707001301554' }))).toEqual(
        [
          [1, 'Alice', true],
          [2, 'Bob', false],
          [3, 'Carol', true],
        ],
      );
      expect(rows(await executor.execute(sql, [], { since: '20240707001301554', until: '20240707001302376' }))).toEqual(
        [
          [1, 'Alice', false],
          [4, 'Diana', true],
        ],
      );
      expect(rows(await executor.execute(sql, [], { since: '20240707001301554' }))).toEqual([[4, 'Diana', false]]);
      expect(rows(await executor.execute(sql, [], { since: '20240707001303088' }))).toEqual([]);
      await expect(executor.execute(sql, [], { until: '20240707001303088' })).rejects.toMatchObject({
        kind: 'invalid-parameter',
      });
    });
  });
});
