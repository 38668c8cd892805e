import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tables from '@autocorp/schema';
import { SOURCE_TABLES } from '@autocorp/schema';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_COLUMNS, GeneratorError, generate, plannedCounts } from '../src/index';
import { readCsv, parseCsvLine } from './helpers/csv-parse';
import { type TestDatabase, startMigratedPostgres } from './helpers/postgres';

const SEED = 11;
const SCALE = 0.06;
const planned = plannedCounts(SCALE);

async function count(db: TestDatabase, sql: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(sql);
  return Number(rows[0]?.n);
}

async function tableFingerprints(db: TestDatabase): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { name, primaryKey } of SOURCE_TABLES) {
    const { rows } = await db.pool.query<{ md5: string }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY ${primaryKey.join(', ')})) AS md5 FROM ${name} t`,
    );
    out[name] = rows[0]?.md5 ?? '';
  }
  return out;
}

describe('PostgreSQL load', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startMigratedPostgres();
    await generate({ seed: SEED, scale: SCALE, targets: ['postgres'], pool: db.pool });
  });
  afterAll(async () => {
    await db?.stop();
  });

  it('copies into the columns the schema defines', () => {
    const schemaTables = [
      tables.autoParts,
      tables.service,
      tables.serviceParts,
      tables.customers,
      tables.salesOrder,
      tables.salesOrderParts,
      tables.salesOrderServices,
    ];
    for (const table of schemaTables) {
      const config = getTableConfig(table);
      const copied = COPY_COLUMNS[config.name as keyof typeof COPY_COLUMNS];
      expect([...copied].sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
    }
  });

  it('loads exactly the planned rows', async () => {
    const expected: Record<string, number> = {
      auto_parts: 400,
      service: 110,
      service_parts: 1_074,
      customers: planned.customers,
      sales_order: planned.salesOrder,
      sales_order_parts: planned.salesOrderParts,
      sales_order_services: planned.salesOrderServices,
    };
    for (const [table, n] of Object.entries(expected))
      expect(await count(db, `SELECT count(*) AS n FROM ${table}`), table).toBe(n);
  });

  it('has unique customer emails in every one of the planned states', async () => {
    expect(planned.customerStates).toBe(59);
    expect(await count(db, 'SELECT count(DISTINCT email) AS n FROM customers')).toBe(planned.customers);
    expect(await count(db, 'SELECT count(DISTINCT state) AS n FROM customers')).toBe(59);
  });

  it('prices every line from the catalog and sums orders from their lines', async () => {
    const checks = {
      'part line totals': `SELECT count(*) AS n FROM sales_order_parts l JOIN auto_parts p USING (sku)
        WHERE l.unit_price <> p.price OR l.line_total <> l.quantity * l.unit_price`,
      'service line totals': `SELECT count(*) AS n FROM sales_order_services l JOIN service s USING (serviceid)
        JOIN (SELECT sp.serviceid, sum(sp.quantity * p.price) AS cost FROM service_parts sp JOIN auto_parts p USING (sku) GROUP BY sp.serviceid) c USING (serviceid)
        WHERE l.labor_cost <> s.labor_cost * l.quantity OR l.labor_minutes <> s.labor_minutes * l.quantity
           OR l.parts_cost <> c.cost * l.quantity OR l.line_total <> l.labor_cost + l.parts_cost`,
      'order totals': `SELECT count(*) AS n FROM sales_order o
        LEFT JOIN (SELECT order_id, sum(line_total) AS total, count(*) AS n FROM sales_order_parts GROUP BY order_id) p USING (order_id)
        LEFT JOIN (SELECT order_id, sum(line_total) AS total, count(*) AS n FROM sales_order_services GROUP BY order_id) s USING (order_id)
        WHERE o.subtotal <> coalesce(p.total, 0) + coalesce(s.total, 0)
           OR o.tax <> round(o.subtotal * 0.0825, 2)
           OR o.total_amount <> o.subtotal + o.tax
           OR o.order_type <> CASE WHEN p.n IS NULL THEN 'Service' WHEN s.n IS NULL THEN 'Parts' ELSE 'Mixed' END
           OR (p.n IS NULL AND s.n IS NULL)`,
      'order dates': `SELECT count(*) AS n FROM sales_order
        WHERE order_date < '2020-01-01' OR order_date >= '2026-01-01' OR updated_at < order_date OR created_at <> order_date`,
    };
    for (const [what, sql] of Object.entries(checks)) expect(await count(db, sql), what).toBe(0);
  });

  it('has weekly and yearly seasonality', async () => {
    const byWeekday = await db.pool.query<{ dow: number; n: string }>(
      'SELECT extract(dow FROM order_date)::int AS dow, count(*) AS n FROM sales_order GROUP BY 1',
    );
    const weekday = new Map(byWeekday.rows.map((r) => [r.dow, Number(r.n)]));
    expect(weekday.get(6)!).toBeGreaterThan(weekday.get(0)! * 2);
    const byMonth = await db.pool.query<{ m: number; n: string }>(
      'SELECT extract(month FROM order_date)::int AS m, count(*) AS n FROM sales_order GROUP BY 1',
    );
    const month = new Map(byMonth.rows.map((r) => [r.m, Number(r.n)]));
    expect(month.get(6)!).toBeGreaterThan(month.get(1)!);
  });

  it('refuses to load into non-empty tables, and replaces them identically when told to', async () => {
    const before = await tableFingerprints(db);
    const refused = generate({ seed: SEED, scale: SCALE, targets: ['postgres'], pool: db.pool });
    await expect(refused).rejects.toMatchObject({ kind: 'tables-not-empty' });
    await expect(refused).rejects.toThrow(/auto_parts.*replace: true/);
    expect(await tableFingerprints(db)).toEqual(before);
    await generate({ seed: SEED, scale: SCALE, targets: ['postgres'], pool: db.pool, replace: true });
    expect(await tableFingerprints(db)).toEqual(before);
  });

  it('rolls the whole load back when a COPY fails', async () => {
    await db.pool.query(`CREATE FUNCTION fail_on_line() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.line_item_id = 500 THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`);
    await db.pool.query(
      'CREATE TRIGGER fail_on_line BEFORE INSERT ON sales_order_services FOR EACH ROW EXECUTE FUNCTION fail_on_line()',
    );
    try {
      const failing = generate({ seed: SEED + 1, scale: SCALE, targets: ['postgres'], pool: db.pool, replace: true });
      await expect(failing).rejects.toBeInstanceOf(GeneratorError);
      await expect(failing).rejects.toMatchObject({ kind: 'load-failed' });
      await expect(failing).rejects.toThrow(/sales_order_services.*disk on fire/s);
      // The replace (TRUNCATE) and every COPY were undone: the first load is intact.
      expect(await count(db, 'SELECT count(*) AS n FROM sales_order')).toBe(planned.salesOrder);
      await db.pool.query(`TRUNCATE ${SOURCE_TABLES.map((t) => t.name).join(', ')} CASCADE`);
      const intoEmpty = generate({ seed: SEED, scale: SCALE, targets: ['postgres'], pool: db.pool });
      await expect(intoEmpty).rejects.toMatchObject({ kind: 'load-failed' });
      for (const { name } of SOURCE_TABLES) expect(await count(db, `SELECT count(*) AS n FROM ${name}`), name).toBe(0);
    } finally {
      await db.pool.query('DROP TRIGGER fail_on_line ON sales_order_services; DROP FUNCTION fail_on_line()');
    }
  });

  it('loads PostgreSQL and writes the CSV export together, with invoice numbers that never collide', async () => {
    const scale = 0.002;
    const out = `/tmp/autocorp-generator-both-${process.pid}`;
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    try {
      const summary = await generate({
        seed: SEED,
        scale,
        out,
        targets: ['postgres', 'csv'],
        pool: db.pool,
        replace: true,
      });
      const p = plannedCounts(scale);
      expect(summary.tables.sales_order?.rows).toBe(p.salesOrder);
      expect(summary.files['sales_orders.csv']?.rows).toBe(p.csvOrders.rows);
      const { rows } = await db.pool.query<{ invoice_number: string }>('SELECT invoice_number FROM sales_order');
      const invoices = new Set(rows.map((r) => r.invoice_number));
      const csvInvoices = new Set(
        readCsv(join(out, 'manifest', 'expected_winners.csv')).lines.map((l) => parseCsvLine(l)[0] as string),
      );
      expect(csvInvoices.size).toBe(p.csvUniqueInvoices);
      for (const invoice of csvInvoices) expect(invoices.has(invoice)).toBe(false);
      expect(invoices.size + csvInvoices.size).toBe(p.uniqueInvoicesCombined);
      const customerIds = new Set(
        (await db.pool.query<{ customer_id: number }>('SELECT customer_id FROM customers')).rows.map((r) =>
          String(r.customer_id),
        ),
      );
      const defective = new Set(
        readCsv(join(out, 'manifest', 'expected_defects.csv'))
          .lines.map(parseCsvLine)
          .filter((f) => f[0] === 'sales_orders.csv')
          .map((f) => Number(f[1])),
      );
      readCsv(join(out, 'sales_orders.csv')).lines.forEach((line, i) => {
        if (!defective.has(i + 2)) expect(customerIds.has(parseCsvLine(line)[1] as string)).toBe(true);
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
