import fs from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatement, storedInstantCondition, timestampBounds } from '../src/executors/duckdb/time-range-pushdown';
import { DuckDbExecutor } from '../src/index';
import { type CuratedLake, createCuratedLake, loadPlainTables } from './helpers/curated-dataset';

describe('time-range pushdown: which conditions reach the stored instants', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const bounds = async (sql: string, params: unknown[] = [], table = 'sales_order') => {
    const statement = await parseStatement(connection, sql);
    if (statement === undefined) throw new Error(`does not parse: ${sql}`);
    return timestampBounds(statement, table, ['order_date', 'updated_at'], params);
  };

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('pushes the period of a one-table query: literals, parameters, flipped sides, nested ANDs', async () => {
    expect(
      await bounds(
        `SELECT count(*) FROM sales_order AS so WHERE (so.status = 'x' AND (so.order_date >= DATE '2024-01-01')) AND so.order_date < CAST($1 AS DATE)`,
        ['2024-02-01'],
      ),
    ).toEqual([
      { column: 'order_date', op: '>=', value: `CAST(CAST('2024-01-01' AS DATE) AS TIMESTAMP)` },
      { column: 'order_date', op: '<', value: `CAST(CAST('2024-02-01' AS DATE) AS TIMESTAMP)` },
    ]);
    expect(await bounds(`SELECT * FROM sales_order WHERE TIMESTAMP '2024-03-01 10:00:00' > updated_at`)).toEqual([
      { column: 'updated_at', op: '<', value: `CAST(CAST('2024-03-01 10:00:00' AS TIMESTAMP) AS TIMESTAMP)` },
    ]);
  });

  it('pushes both ends of a BETWEEN, not a NOT BETWEEN', async () => {
    expect(
      await bounds(`SELECT * FROM sales_order WHERE order_date BETWEEN DATE '2024-01-01' AND '2024-02-01'`),
    ).toEqual([
      { column: 'order_date', op: '>=', value: `CAST(CAST('2024-01-01' AS DATE) AS TIMESTAMP)` },
      { column: 'order_date', op: '<=', value: `CAST('2024-02-01' AS TIMESTAMP)` },
    ]);
    expect(
      await bounds(`SELECT * FROM sales_order WHERE order_date NOT BETWEEN DATE '2024-01-01' AND '2024-02-01'`),
    ).toEqual([]);
  });

  it('pushes a qualified condition through a plain join, inside a subquery', async () => {
    const sql = `SELECT * FROM (SELECT so.invoice_number FROM customers c JOIN sales_order so ON so.customer_id = c.customer_id WHERE so.order_date >= '2024-01-01') AS capped LIMIT 5`;
    expect(await bounds(sql)).toEqual([{ column: 'order_date', op: '>=', value: `CAST('2024-01-01' AS TIMESTAMP)` }]);
  });

  it.each([
    [
      'the table is read twice',
      `SELECT * FROM sales_order a JOIN sales_order b ON a.invoice_number = b.invoice_number WHERE a.order_date >= DATE '2024-01-01'`,
    ],
    ['the term is under OR', `SELECT * FROM sales_order WHERE order_date >= DATE '2024-01-01' OR status = 'x'`],
    [
      'an unqualified column in a join',
      `SELECT * FROM sales_order JOIN customers USING (customer_id) WHERE order_date >= DATE '2024-01-01'`,
    ],
    [
      'a CTE shadows the table',
      `WITH sales_order AS (SELECT * FROM t) SELECT * FROM sales_order WHERE order_date >= DATE '2024-01-01'`,
    ],
    [
      'an ASOF join',
      `SELECT * FROM customers c ASOF JOIN sales_order so ON c.customer_id = so.customer_id AND c.t >= so.order_date WHERE so.order_date >= DATE '2024-01-01'`,
    ],
    [
      'the condition sits outside the SELECT of the table',
      `SELECT * FROM (SELECT order_date AS d FROM sales_order) s WHERE s.d >= DATE '2024-01-01'`,
    ],
    ['the value is a column', `SELECT * FROM sales_order WHERE order_date >= updated_at`],
    ['the value is not a time', `SELECT * FROM sales_order WHERE order_date >= 5`],
    ['a TRY_CAST', `SELECT * FROM sales_order WHERE order_date >= TRY_CAST('2024-01-01' AS DATE)`],
  ])('pushes nothing when %s', async (_why, sql) => {
    expect(await bounds(sql)).toEqual([]);
  });
});

describe('time-range pushdown: the executor gives the same rows', () => {
  let instance: DuckDBInstance;
  let plain: DuckDBConnection;
  let lake: CuratedLake;
  let executor: DuckDbExecutor;
  const plainRows = async (sql: string) => (await plain.runAndReadAll(sql)).getRowObjectsJson();

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    plain = await instance.connect();
    lake = await createCuratedLake(plain);
    await loadPlainTables(plain);
    executor = new DuckDbExecutor({ catalog: lake.catalog });
  });
  afterAll(async () => {
    await executor.close();
    plain.closeSync();
    instance.closeSync();
    await lake.close();
  });

  it('the conditions are the stored instants of the same period, in the sandbox UTC session', async () => {
    const condition = storedInstantCondition([
      { column: 'order_date', op: '>=', value: `CAST(CAST('2024-01-01' AS DATE) AS TIMESTAMP)` },
    ]);
    expect(condition).toBe(`"order_date" >= CAST(CAST(CAST('2024-01-01' AS DATE) AS TIMESTAMP) AS TIMESTAMPTZ)`);
    expect(storedInstantCondition([])).toBeUndefined();
  });

  it('answers period queries at and around their boundaries exactly as the plain tables do', async () => {
    // Boundaries taken from the data: the first, a middle and the last order instants, each hit exactly.
    const instants = (
      await plainRows(`SELECT DISTINCT strftime(order_date, '%Y-%m-%d %H:%M:%S') AS t FROM sales_order ORDER BY t`)
    ).map((r) => String(r['t']));
    const picks = [instants[0], instants[Math.floor(instants.length / 2)], instants.at(-1)] as string[];
    for (const at of picks) {
      for (const op of ['>=', '>', '<', '<=', '=']) {
        const where = `order_date ${op} TIMESTAMP '${at}'`;
        const got = await executor.execute(
          `SELECT count(*) AS n, sum(total_amount) AS revenue FROM sales_order so WHERE so.${where}`,
        );
        const want = await plainRows(
          `SELECT count(*) AS n, sum(total_amount) AS revenue FROM sales_order WHERE ${where}`,
        );
        expect(Number(got.rows[0]?.['n']), where).toBe(Number(want[0]?.['n']));
        expect(Number(got.rows[0]?.['revenue'] ?? 0), where).toBeCloseTo(Number(want[0]?.['revenue'] ?? 0), 2);
      }
      const day = at.slice(0, 10);
      const byParameter = await executor.execute(
        `SELECT count(*) AS n FROM sales_order WHERE order_date >= CAST($1 AS DATE) AND order_date < CAST($1 AS DATE) + INTERVAL 1 DAY`,
        [day],
      );
      const want = await plainRows(
        `SELECT count(*) AS n FROM sales_order WHERE order_date >= DATE '${day}' AND order_date < DATE '${day}' + INTERVAL 1 DAY`,
      );
      const between = await executor.execute(
        `SELECT count(*) AS n FROM sales_order WHERE order_date BETWEEN TIMESTAMP '${at}' AND '${day} 23:59:59.999999'`,
      );
      const [wantBetween] = await plainRows(
        `SELECT count(*) AS n FROM sales_order WHERE order_date BETWEEN TIMESTAMP '${at}' AND '${day} 23:59:59.999999'`,
      );
      expect(Number(between.rows[0]?.['n'])).toBe(Number(wantBetween?.['n']));
      expect(Number(byParameter.rows[0]?.['n'])).toBe(Number(want[0]?.['n']));
      expect(Number(want[0]?.['n'])).toBeGreaterThan(0);
    }
  });

  it('skips the files outside the period: their data pages are never read', async () => {
    // sales_order is partitioned by order_year. Overwrite the data pages of the earliest year's base
    // files with zeros, keeping their footers (and so the statistics): a query of a later period
    // reads none of those pages, while one that reaches that year (proof of the damage) fails.
    const folder = path.join(lake.store.root, 'curated', 'sales_order');
    const [first] = (await plainRows(`SELECT min(order_year) AS y, max(order_year) AS last FROM sales_order`)).map(
      (r) => ({ year: Number(r['y']), last: Number(r['last']) }),
    );
    if (!first || first.last <= first.year) throw new Error('the dataset needs orders in two years');
    const partition = path.join(folder, `order_year=${first.year}`);
    for (const name of (await fs.readdir(partition)).filter((n) => n.endsWith('.parquet'))) {
      const file = path.join(partition, name);
      const bytes = await fs.readFile(file);
      const footerLength = bytes.readUInt32LE(bytes.length - 8);
      bytes.fill(0, 4, bytes.length - 8 - footerLength);
      await fs.writeFile(file, bytes);
    }
    const fresh = new DuckDbExecutor({ catalog: lake.catalog });
    try {
      const from = `${first.year + 1}-01-01`;
      const got = await fresh.execute(
        `SELECT count(*) AS n, sum(total_amount) AS revenue FROM sales_order WHERE order_date >= DATE '${from}'`,
      );
      const [want] = await plainRows(
        `SELECT count(*) AS n, sum(total_amount) AS revenue FROM sales_order WHERE order_date >= DATE '${from}'`,
      );
      expect(Number(got.rows[0]?.['n'])).toBe(Number(want?.['n']));
      expect(Number(got.rows[0]?.['revenue'])).toBeCloseTo(Number(want?.['revenue']), 2);
      await expect(
        fresh.execute(
          `SELECT sum(total_amount) AS revenue FROM sales_order WHERE order_date >= DATE '${first.year}-01-01'`,
        ),
      ).rejects.toThrow();
    } finally {
      await fresh.close();
    }
  });
});
