import { duckdbType, jobByName, portabilityProblems } from '@autocorp/etl-jobs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_DIALECT, buildNamedQuery, compileQuery } from '../src/index';

/**
 * The sales_order_line_items job's first_line_of_sku_in_invoice flag, computed by the job's own
 * transform SQL in DuckDB over curated-shaped source tables where a part appears on several lines
 * of one invoice (the case where count(*) per part would overcount orders).
 */
describe('sales_order_line_items first_line_of_sku_in_invoice', () => {
  const job = jobByName('sales_order_line_items');
  let instance: DuckDBInstance;
  let db: DuckDBConnection;

  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson();

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    db = await instance.connect();
    for (const source of job.sources) {
      if (source.kind !== 'curated')
        throw new Error(`sales_order_line_items reads ${source.view}, not a curated table; extend this test`);
      const columns = jobByName(source.job).columns.map((c) => `${c.name} ${duckdbType(c.type)}`);
      await db.run(`CREATE TABLE ${source.view} (${columns.join(', ')})`);
    }
    await db.run(
      `INSERT INTO auto_parts (sku, description, category) VALUES ('P-A', 'Pad', 'Brakes'), ('P-B', 'Filter', 'Engine')`,
    );
    await db.run(`INSERT INTO service (serviceid, service, category) VALUES ('S-1', 'Brake job', 'Brakes')`);
    await db.run(`INSERT INTO sales_order (invoice_number, order_date, order_year, customer_id, order_type) VALUES
      ('INV-1', TIMESTAMP '2024-03-01 09:00:00', 2024, 1, 'Mixed'), ('INV-2', TIMESTAMP '2024-03-02 09:00:00', 2024, 2, 'Parts')`);
    // INV-1 sells P-A on lines 4, 1 and 3 (inserted out of line order) and P-B on line 2; INV-2 sells P-A once.
    await db.run(`INSERT INTO sales_order_parts (invoice_number, line_number, sku, quantity, unit_price, line_total, source_system, updated_at) VALUES
      ('INV-1', 4, 'P-A', 1, 10.00, 10.00, 'postgres', TIMESTAMP '2024-03-01 09:00:00'),
      ('INV-1', 1, 'P-A', 2, 10.00, 20.00, 'postgres', TIMESTAMP '2024-03-01 09:00:00'),
      ('INV-1', 2, 'P-B', 1, 5.00, 5.00, 'postgres', TIMESTAMP '2024-03-01 09:00:00'),
      ('INV-1', 3, 'P-A', 3, 10.00, 30.00, 'csv', TIMESTAMP '2024-03-01 09:00:00'),
      ('INV-2', 1, 'P-A', 1, 10.00, 10.00, 'postgres', TIMESTAMP '2024-03-02 09:00:00')`);
    await db.run(`INSERT INTO sales_order_services (invoice_number, line_number, serviceid, quantity, line_total, source_system, updated_at) VALUES
      ('INV-1', 1, 'S-1', 1, 99.00, 'postgres', TIMESTAMP '2024-03-01 09:00:00')`);
    await db.run(`CREATE TABLE line_items AS ${job.transformSql}`);
  });
  afterAll(() => {
    db?.closeSync();
    instance?.closeSync();
  });

  it('is a non-null INT output column and portable SQL', () => {
    expect(job.columns.find((c) => c.name === 'first_line_of_sku_in_invoice')).toMatchObject({
      type: 'INT',
      nullable: false,
    });
    expect(portabilityProblems(job.transformSql)).toEqual([]);
  });

  it('is 1 exactly once per (invoice, sku), on the lowest line number, and 0 on service lines', async () => {
    expect(
      await rows(`SELECT invoice_number, line_type, CAST(line_number AS INTEGER) AS line_number, item_code, first_line_of_sku_in_invoice AS flag
        FROM line_items ORDER BY invoice_number, line_type, line_number`),
    ).toEqual([
      { invoice_number: 'INV-1', line_type: 'part', line_number: 1, item_code: 'P-A', flag: 1 },
      { invoice_number: 'INV-1', line_type: 'part', line_number: 2, item_code: 'P-B', flag: 1 },
      { invoice_number: 'INV-1', line_type: 'part', line_number: 3, item_code: 'P-A', flag: 0 },
      { invoice_number: 'INV-1', line_type: 'part', line_number: 4, item_code: 'P-A', flag: 0 },
      { invoice_number: 'INV-1', line_type: 'service', line_number: 1, item_code: 'S-1', flag: 0 },
      { invoice_number: 'INV-2', line_type: 'part', line_number: 1, item_code: 'P-A', flag: 1 },
    ]);
  });

  it('summed per part, equals the distinct invoice count (where count(*) would not)', async () => {
    expect(
      await rows(`SELECT item_code, CAST(sum(first_line_of_sku_in_invoice) AS INTEGER) AS flagged, CAST(count(DISTINCT invoice_number) AS INTEGER) AS invoices,
          CAST(count(*) AS INTEGER) AS lines
        FROM line_items WHERE line_type = 'part' GROUP BY item_code ORDER BY item_code`),
    ).toEqual([
      { item_code: 'P-A', flagged: 2, invoices: 2, lines: 4 },
      { item_code: 'P-B', flagged: 1, invoices: 1, lines: 1 },
    ]);
  });

  it('top_selling_parts counts each invoice once per part over the job output, with no distinct count', async () => {
    const { sql } = compileQuery(
      buildNamedQuery('top_selling_parts', { from: '2024-01-01', to: '2025-01-01' }),
      DUCKDB_DIALECT,
      { inlineValues: true },
    );
    expect(sql).not.toMatch(/DISTINCT/i);
    await db.run(`CREATE OR REPLACE VIEW sales_order_line_items AS SELECT * FROM line_items`);
    expect(
      await rows(
        `SELECT sku, CAST(units_sold AS INTEGER) AS units_sold, CAST(orders AS INTEGER) AS orders FROM (${sql})`,
      ),
    ).toEqual([
      { sku: 'P-A', units_sold: 7, orders: 2 },
      { sku: 'P-B', units_sold: 1, orders: 1 },
    ]);
  });
});
