import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog, LocalCatalogBackend, crawlRawCsv, crawlRawDatabase } from '../src/index';
import { type TestLake, createTestLake } from './helpers/lake';

describe('raw zone crawlers', () => {
  let lake: TestLake;
  let catalog: Catalog;

  beforeEach(async () => {
    lake = await createTestLake();
    catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir }));
  });
  afterEach(async () => lake.close());

  it('types DMS Parquet tables from their footers, merges CDC files, and versions a schema change', async () => {
    await lake.writeQuery(
      'raw/database/pg_auto_parts/LOAD00000001.parquet',
      `SELECT 'SKU-1'::VARCHAR AS sku, 12.50::DECIMAL(10,2) AS price, 3::INTEGER AS stock_quantity, TIMESTAMP '2024-01-02 03:04:05' AS created_at`,
      'parquet',
    );
    await lake.writeQuery(
      'raw/database/pg_customers/LOAD00000001.parquet',
      `SELECT 1::INTEGER AS customer_id, 'TX' AS state, DATE '2024-01-01' AS since`,
      'parquet',
    );
    await lake.writeQuery(
      'raw/database/pg_auto_parts/20240102-000000001.parquet',
      `SELECT 'U' AS Op, TIMESTAMP '2024-01-02 00:00:00' AS cdc_commit_ts, 42::BIGINT AS _cdc_commit_lsn, 1::BIGINT AS _cdc_seq, 'SKU-1'::VARCHAR AS sku, 13.00::DECIMAL(10,2) AS price, 2::INTEGER AS stock_quantity, TIMESTAMP '2024-01-02 03:04:05' AS created_at`,
      'parquet',
    );
    const first = await crawlRawDatabase({ store: lake.store, catalog });
    expect(first.tables.map((t) => [t.table, t.outcome, t.filesRead])).toEqual([
      ['pg_auto_parts', 'created', 2],
      ['pg_customers', 'created', 1],
    ]);
    const parts = await catalog.requireTable('autocorp_raw', 'pg_auto_parts');
    expect(parts.format).toBe('parquet');
    expect(parts.location).toBe(`${lake.store.uri}/raw/database/pg_auto_parts/`);
    expect(parts.columns).toEqual([
      { name: 'sku', type: 'string' },
      { name: 'price', type: 'decimal(10,2)' },
      { name: 'stock_quantity', type: 'int' },
      { name: 'created_at', type: 'timestamp' },
      { name: 'Op', type: 'string' },
      { name: 'cdc_commit_ts', type: 'timestamp' },
      { name: '_cdc_commit_lsn', type: 'bigint' },
      { name: '_cdc_seq', type: 'bigint' },
    ]);
    expect((await catalog.requireTable('autocorp_raw', 'pg_customers')).columns).toEqual([
      { name: 'customer_id', type: 'int' },
      { name: 'state', type: 'string' },
      { name: 'since', type: 'date' },
    ]);

    const second = await crawlRawDatabase({ store: lake.store, catalog });
    expect(second.tables.map((t) => t.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await catalog.requireTable('autocorp_raw', 'pg_auto_parts')).toEqual(parts);

    // A later CDC file widens stock_quantity and adds a column.
    await lake.writeQuery(
      'raw/database/pg_auto_parts/20240103-000000001.parquet',
      `SELECT 'I' AS Op, TIMESTAMP '2024-01-03 00:00:00' AS cdc_commit_ts, 43::BIGINT AS _cdc_commit_lsn, 1::BIGINT AS _cdc_seq, 'SKU-2'::VARCHAR AS sku, 1.00::DECIMAL(10,2) AS price, 5::BIGINT AS stock_quantity, TIMESTAMP '2024-01-02 03:04:05' AS created_at, 'ACME' AS manufacturer`,
      'parquet',
    );
    const third = await crawlRawDatabase({ store: lake.store, catalog });
    const changed = third.tables.find((t) => t.table === 'pg_auto_parts');
    expect(changed?.outcome).toBe('updated');
    expect(changed?.change).toEqual({
      added: [{ name: 'manufacturer', type: 'string' }],
      removed: [],
      retyped: [{ name: 'stock_quantity', from: 'int', to: 'bigint' }],
      partitionKeysChanged: false,
    });
    const history = await catalog.history('autocorp_raw', 'pg_auto_parts');
    expect(history.map((v) => v.versionId)).toEqual(['1', '2']);
    expect(history[0]?.table.columns.find((c) => c.name === 'stock_quantity')?.type).toBe('int');
  });

  it('infers CSV tables from samples, partitions them by ingest_date, and changes nothing on a second crawl', async () => {
    const rows = (offset: number) =>
      `SELECT (i + ${offset})::BIGINT AS customer_id, 'Name "' || i || '", Jr' AS first_name, 'TX' AS state, DATE '2024-01-01' + i::INTEGER AS since, i * 1.5 AS score FROM range(50) t(i)`;
    await lake.writeQuery('raw/csv/customers/ingest_date=2024-01-31/customers.csv', rows(0), 'csv');
    await lake.writeQuery('raw/csv/customers/ingest_date=2024-02-01/customers.csv', rows(100), 'csv');
    await lake.writeQuery(
      'raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders_1.csv',
      `SELECT 'INV-' || i AS invoice_number, i AS total FROM range(5) t(i)`,
      'csv',
    );

    const first = await crawlRawCsv({ store: lake.store, catalog });
    expect(first.tables.map((t) => [t.table, t.outcome, t.partitionsAdded, t.filesRead])).toEqual([
      ['csv_customers', 'created', 2, 2],
      ['csv_sales_orders', 'created', 1, 1],
    ]);
    const customers = await catalog.requireTable('autocorp_raw', 'csv_customers');
    expect(customers.columns).toEqual([
      { name: 'customer_id', type: 'bigint' },
      { name: 'first_name', type: 'string' },
      { name: 'state', type: 'string' },
      { name: 'since', type: 'date' },
      { name: 'score', type: 'double' },
    ]);
    expect(customers.partitionKeys).toEqual([{ name: 'ingest_date', type: 'string' }]);
    expect(customers.properties).toMatchObject({ delimiter: ',', quote: '"', 'skip.header.line.count': '1' });
    expect(await catalog.getPartitions('autocorp_raw', 'csv_customers')).toEqual([
      {
        values: ['2024-01-31'],
        location: `${lake.store.uri}/raw/csv/customers/ingest_date=2024-01-31/`,
        createdAt: expect.any(String),
      },
      {
        values: ['2024-02-01'],
        location: `${lake.store.uri}/raw/csv/customers/ingest_date=2024-02-01/`,
        createdAt: expect.any(String),
      },
    ]);

    const again = await crawlRawCsv({ store: lake.store, catalog });
    expect(again.tables.map((t) => [t.outcome, t.partitionsAdded])).toEqual([
      ['unchanged', 0],
      ['unchanged', 0],
    ]);
    expect(await catalog.requireTable('autocorp_raw', 'csv_customers')).toEqual(customers);

    await lake.writeQuery('raw/csv/customers/ingest_date=2024-02-02/customers.csv', rows(200), 'csv');
    const third = await crawlRawCsv({ store: lake.store, catalog });
    expect(third.tables[0]).toMatchObject({ table: 'csv_customers', outcome: 'unchanged', partitionsAdded: 1 });
  });

  it('infers a dirty CSV export (rows with a wrong column count) from its well-formed rows', async () => {
    const lines = ['invoice_number,line_number,quantity,unit_price'];
    for (let i = 1; i <= 200; i++) lines.push(`INV-${i},1,${(i % 4) + 1},${(i % 50) + 0.5}`);
    lines.splice(57, 0, 'INV-x,1,2', 'INV-y,1,2,3.5,extra');
    await lake.store.put(
      'raw/csv/sales_order_parts/ingest_date=2024-03-01/sales_order_parts.csv',
      `${lines.join('\n')}\n`,
    );
    const report = await crawlRawCsv({ store: lake.store, catalog });
    expect(report.tables.map((t) => [t.table, t.outcome])).toEqual([['csv_sales_order_parts', 'created']]);
    expect((await catalog.requireTable('autocorp_raw', 'csv_sales_order_parts')).columns).toEqual([
      { name: 'invoice_number', type: 'string' },
      { name: 'line_number', type: 'bigint' },
      { name: 'quantity', type: 'bigint' },
      { name: 'unit_price', type: 'double' },
    ]);
  });

  it('records an unreadable CSV file as rejected with its reason and catalogs the other files and tables', async () => {
    const rows = (offset: number) => `SELECT (i + ${offset})::BIGINT AS customer_id, 'TX' AS state FROM range(20) t(i)`;
    await lake.writeQuery('raw/csv/customers/ingest_date=2024-01-31/customers.csv', rows(0), 'csv');
    await lake.writeQuery('raw/csv/customers/ingest_date=2024-02-02/customers.csv', rows(100), 'csv');
    // Bytes no CSV dialect fits: DuckDB's sniffer gives up on them.
    const garbage = Buffer.from([0, 1, 2, 255, 254, 0, 0, 10, 0, 200, 13, 10]);
    await lake.store.put('raw/csv/customers/ingest_date=2024-02-01/customers.csv', garbage);
    await lake.store.put('raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.csv', garbage);

    const report = await crawlRawCsv({ store: lake.store, catalog });
    expect(report.tables.map((t) => [t.table, t.outcome, t.partitionsAdded, t.filesRead])).toEqual([
      ['csv_customers', 'created', 2, 2],
    ]);
    expect(report.rejected.map((r) => [r.table, r.key])).toEqual([
      ['csv_customers', 'raw/csv/customers/ingest_date=2024-02-01/customers.csv'],
      ['csv_sales_orders', 'raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.csv'],
    ]);
    for (const r of report.rejected) expect(r.reason).toContain(lake.store.localPath(r.key));
    expect((await catalog.requireTable('autocorp_raw', 'csv_customers')).columns).toEqual([
      { name: 'customer_id', type: 'bigint' },
      { name: 'state', type: 'string' },
    ]);
    expect((await catalog.getPartitions('autocorp_raw', 'csv_customers')).map((p) => p.values)).toEqual([
      ['2024-01-31'],
      ['2024-02-02'],
    ]);
    expect(await catalog.getTable('autocorp_raw', 'csv_sales_orders')).toBeUndefined();
    // The rejected files stay in the raw zone untouched.
    expect(await lake.store.getBytes('raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.csv')).toEqual(garbage);
  });
});
