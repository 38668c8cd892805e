import { REPORTING_VIEW_COLUMNS, REPORTING_VIEWS, SOURCE_TABLE_NAMES, drizzleSchema } from '@autocorp/schema';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SourceDb,
  type ThrowawayPostgres,
  migrate,
  openSourceDb,
  startThrowawayPostgres,
  status,
} from '../src/index';
import { insertSampleData } from './sample-data';

let server: ThrowawayPostgres;
let source: SourceDb;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  source = await openSourceDb({ url: server.url });
});

afterAll(async () => {
  await source?.close();
  await server?.stop();
});

const pgCode = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('migrate', () => {
  it('applies the committed migrations once, then nothing', async () => {
    const first = await migrate(source);
    expect(first.applied).toEqual(['0000_source_tables', '0001_replica_identity_full', '0002_reporting_views']);
    expect(first.alreadyApplied).toEqual([]);
    const second = await migrate(source);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
  });

  it('creates the seven tables with the columns of the drizzle definitions', async () => {
    for (const table of Object.values(drizzleSchema)) {
      const name = getTableName(table);
      const expected = Object.values(getTableColumns(table)).map((c) => c.name);
      const { rows } = await source.pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [name],
      );
      expect(
        rows.map((r) => r.column_name),
        name,
      ).toEqual(expected);
    }
    const tables = await source.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([...SOURCE_TABLE_NAMES].sort());
  });

  it('creates the three reporting views with their columns', async () => {
    for (const view of REPORTING_VIEWS) {
      const { rows } = await source.pool.query<{ column_name: string }>(
        `SELECT c.column_name FROM information_schema.columns c JOIN information_schema.views v
            ON v.table_schema = c.table_schema AND v.table_name = c.table_name
          WHERE c.table_schema = 'public' AND c.table_name = $1 ORDER BY c.ordinal_position`,
        [view],
      );
      expect(
        rows.map((r) => r.column_name),
        view,
      ).toEqual(REPORTING_VIEW_COLUMNS[view]);
    }
  });

  it('sets REPLICA IDENTITY FULL on every source table', async () => {
    const { rows } = await source.pool.query<{ relname: string; relreplident: string }>(
      `SELECT relname, relreplident FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1) ORDER BY relname`,
      [SOURCE_TABLE_NAMES],
    );
    expect(rows).toHaveLength(SOURCE_TABLE_NAMES.length);
    for (const row of rows) expect(row.relreplident, row.relname).toBe('f');
  });
});

describe('constraints', () => {
  beforeAll(async () => {
    await insertSampleData(source.pool);
  });

  it('rejects a negative quantity on an order line', async () => {
    const code = await pgCode(
      source.pool.query(
        `INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total) VALUES (900, 1, 'BRK-001', -1, 10, -10)`,
      ),
    );
    expect(code).toBe('23514');
  });

  it('rejects an unknown order_type', async () => {
    const code = await pgCode(
      source.pool.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type)
         VALUES (900, 1, now(), 'INV-900', 'Cash', 1, 0, 1, 'Rental')`,
      ),
    );
    expect(code).toBe('23514');
  });

  it('rejects an order of an unknown customer', async () => {
    const code = await pgCode(
      source.pool.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type)
         VALUES (901, 424242, now(), 'INV-901', 'Cash', 1, 0, 1, 'Parts')`,
      ),
    );
    expect(code).toBe('23503');
  });

  it('accepts a valid order through drizzle', async () => {
    await source.db.insert(drizzleSchema.salesOrder).values({
      orderId: 902,
      customerId: 1,
      orderDate: new Date('2025-03-01T10:00:00Z'),
      invoiceNumber: 'INV-902',
      paymentMethod: 'Card',
      subtotal: '0.00',
      totalAmount: '0.00',
      orderType: 'Parts',
    });
    const found = await source.db.query.salesOrder.findFirst({ where: (o, { eq }) => eq(o.orderId, 902) });
    expect(found?.invoiceNumber).toBe('INV-902');
    await source.pool.query('DELETE FROM sales_order WHERE order_id = 902');
  });
});

describe('reporting views', () => {
  it('v_sales_order_summary counts the lines of each order', async () => {
    const { rows } = await source.pool.query(
      'SELECT order_id, order_type, total_amount, parts_line_items, service_line_items FROM v_sales_order_summary ORDER BY order_id',
    );
    expect(rows).toEqual([
      { order_id: '1', order_type: 'Parts', total_amount: '108.00', parts_line_items: 2, service_line_items: 0 },
      { order_id: '2', order_type: 'Service', total_amount: '162.00', parts_line_items: 0, service_line_items: 1 },
      { order_id: '3', order_type: 'Mixed', total_amount: '216.00', parts_line_items: 1, service_line_items: 1 },
    ]);
  });

  it('v_order_totals_by_type sums revenue per order type', async () => {
    const { rows } = await source.pool.query('SELECT * FROM v_order_totals_by_type ORDER BY order_type');
    expect(rows).toEqual([
      { order_type: 'Mixed', order_count: 1, revenue: '216.00', avg_order_value: '216.00' },
      { order_type: 'Parts', order_count: 1, revenue: '108.00', avg_order_value: '108.00' },
      { order_type: 'Service', order_count: 1, revenue: '162.00', avg_order_value: '162.00' },
    ]);
  });

  it('v_service_with_parts totals the parts a service needs', async () => {
    const { rows } = await source.pool.query(
      'SELECT serviceid, parts_count, total_parts_quantity, parts_cost FROM v_service_with_parts ORDER BY serviceid',
    );
    expect(rows).toEqual([
      { serviceid: 'SVC-BRK', parts_count: 2, total_parts_quantity: 3, parts_cost: '105.00' },
      { serviceid: 'SVC-INS', parts_count: 0, total_parts_quantity: 0, parts_cost: '0.00' },
    ]);
  });
});

describe('status', () => {
  it('counts the rows of every table in SOURCE_TABLES order and describes the server', async () => {
    const report = await status(source);
    expect(report.tables).toEqual([
      { name: 'auto_parts', rows: 2 },
      { name: 'service', rows: 2 },
      { name: 'service_parts', rows: 2 },
      { name: 'customers', rows: 2 },
      { name: 'sales_order', rows: 3 },
      { name: 'sales_order_parts', rows: 3 },
      { name: 'sales_order_services', rows: 2 },
    ]);
    expect(report.address).toBe(`127.0.0.1:${server.port}/postgres`);
    expect(report.walLevel).toBe('logical');
    expect(report.serverVersion).toMatch(/^\d+/);
    expect(report.databaseSizeBytes).toBeGreaterThan(0);
    expect(report.migrations).toEqual({ applied: 3, available: 3 });
    expect(report.replicationSlots).toEqual([]);
  });

  it('lists replication slots with the WAL they retain', async () => {
    await source.pool.query(`SELECT pg_create_logical_replication_slot('status_test_slot', 'pgoutput')`);
    try {
      await source.pool.query(`UPDATE customers SET city = 'Springfield' WHERE customer_id = 1`);
      const report = await status(source);
      expect(report.replicationSlots).toHaveLength(1);
      const slot = report.replicationSlots[0];
      expect(slot).toMatchObject({
        name: 'status_test_slot',
        plugin: 'pgoutput',
        slotType: 'logical',
        database: 'postgres',
        active: false,
      });
      expect(slot?.restartLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(slot?.retainedWalBytes).toBeGreaterThan(0);
    } finally {
      await source.pool.query(`SELECT pg_drop_replication_slot('status_test_slot')`);
    }
  });

  it('reports tables that do not exist yet as null', async () => {
    const bare = await openSourceDb({ url: server.url.replace(/\/postgres$/, '/template1') });
    try {
      const report = await status(bare);
      expect(report.tables.every((t) => t.rows === null)).toBe(true);
      expect(report.migrations).toEqual({ applied: 0, available: 3 });
    } finally {
      await bare.close();
    }
  });
});
