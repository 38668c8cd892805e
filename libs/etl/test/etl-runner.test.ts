import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, hudiWriteOptions, jobByName } from '@autocorp/etl-jobs';
import { type RunReport, listRuns, readBookmark, runJobs } from '../src/index';
import { CLEAN_CSV_INVOICES, EXPECTED_QUARANTINE, buildRawZone } from './build-fixture';
import { writeRawCsv } from './raw-fixture';

let root: string;
let store: ObjectStore;
let first: RunReport[];
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();

async function tableRows(table: string, orderBy: string): Promise<Record<string, unknown>[]> {
  const hudi = await HudiTable.open(path.join(root, 'curated', table));
  const reader = await conn.runAndReadAll(
    `SELECT * FROM (${await hudi.sql({ type: 'snapshot' })}) ORDER BY ${orderBy}`,
  );
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

const byJob = (reports: RunReport[], job: string) => {
  const report = reports.find((r) => r.job === job);
  if (!report) throw new Error(`no report for ${job}`);
  return report;
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-runner-'));
  store = openObjectStore(`file://${root}`);
  await buildRawZone({ root });
  first = await runJobs({ store });
}, 240_000);

afterAll(async () => {
  conn.closeSync();
  db.closeSync();
  await rm(root, { recursive: true, force: true });
});

describe('runJobs on a raw zone', () => {
  it('commits all ten jobs in dependency order', () => {
    expect(first.map((r) => [r.job, r.status, r.error])).toEqual(
      [
        'auto_parts',
        'service',
        'service_parts',
        'customers',
        'sales_order',
        'sales_order_parts',
        'sales_order_services',
        'sales_order_fact',
        'sales_order_line_items',
        'service_parts_catalog',
      ].map((job) => [job, 'committed', undefined]),
    );
  });

  it('applies CDC inserts, updates and deletes in commit order, and skips files beyond the committed position', async () => {
    const parts = await tableRows('auto_parts', 'sku');
    expect(parts.map((p) => [p['sku'], p['price']])).toEqual([
      ['P1', '10.00'],
      ['P2', '25.00'],
      ['P4', '40.00'],
    ]);
    const report = byJob(first, 'auto_parts');
    expect(report.counts).toMatchObject({ read: 4, written: 4, inserted: 3, deleted: 0, quarantined: 0 });
    const orders = await tableRows('sales_order', 'invoice_number');
    expect(orders.filter((o) => o['source_system'] === 'postgres').map((o) => o['invoice_number'])).toEqual([
      'INV-P-000001',
    ]);
    const services = await tableRows('sales_order_services', 'invoice_number');
    expect(services.some((s) => s['source_system'] === 'postgres')).toBe(false);
  });

  it('deduplicates CSV orders on invoice_number: the latest updated_at wins', async () => {
    const orders = await tableRows('sales_order', 'invoice_number');
    // 500 clean invoices minus the three used only by dirty rows (2, 3, 4 keep their clean versions) + 1 PostgreSQL order.
    expect(orders).toHaveLength(CLEAN_CSV_INVOICES + 1);
    const one = orders.find((o) => o['invoice_number'] === 'INV-C-000001');
    expect(one).toMatchObject({ status: 'Refunded', payment_method: 'Debit Card', customer_id: 2 });
    expect(String(one?.['order_year'])).toBe('2024');
    expect(new Set(orders.map((o) => o['invoice_number'])).size).toBe(orders.length);
    const lines = await tableRows('sales_order_parts', 'invoice_number, line_number');
    expect(lines.filter((l) => l['source_system'] === 'csv')).toHaveLength(CLEAN_CSV_INVOICES);
    expect(String(lines.find((l) => l['invoice_number'] === 'INV-C-000001')?.['updated_at'])).toMatch(
      /^2024-03-01 09:00:00/,
    );
  });

  it('quarantines every dirty row exactly once, under the rule it breaks, with file, line and raw row', async () => {
    for (const [job, expected] of Object.entries(EXPECTED_QUARANTINE)) {
      const report = byJob(first, job);
      expect(report.counts.quarantined).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
      expect(report.quarantineKey).toBeDefined();
      const file = path.join(root, report.quarantineKey as string);
      const rows = (
        await conn.runAndReadAll(
          `SELECT rule, count(*)::INT AS n FROM read_parquet('${file}') GROUP BY rule ORDER BY rule`,
        )
      ).getRowObjectsJson();
      expect(Object.fromEntries(rows.map((r) => [r['rule'], r['n']]))).toEqual(expected);
    }
    const orders = path.join(root, byJob(first, 'sales_order').quarantineKey as string);
    const malformed = (
      await conn.runAndReadAll(
        `SELECT source_file, source_line, raw_row, reason, column_name FROM read_parquet('${orders}') WHERE rule = 'line_well_formed'`,
      )
    ).getRowObjectsJson();
    // The reader's reason: the line's field count against the header's, and the first column it lacks.
    const header = CSV_COLUMNS.sales_orders.map((c) => c.name);
    const short = 'INV-C-000005,2,2024-01-05 10:00:00,Cash';
    const found = short.split(',').length;
    expect(malformed).toEqual([
      {
        source_file: 'raw/csv/sales_orders/ingest_date=2025-06-01/sales_orders.csv',
        source_line: String(CLEAN_CSV_INVOICES + 8),
        raw_row: short,
        reason: `the line has ${found} fields; the header has ${header.length} (missing ${header.slice(found).join(', ')})`,
        column_name: header[found],
      },
    ]);
    const negative = (
      await conn.runAndReadAll(`SELECT source_line FROM read_parquet('${orders}') WHERE rule = 'amounts_non_negative'`)
    ).getRowObjectsJson();
    expect(negative).toEqual([{ source_line: String(CLEAN_CSV_INVOICES + 4) }]);
  });

  it('records rule outcomes, counts and timings, readable through listRuns', async () => {
    const runs = await listRuns({ store, limit: 100 });
    expect(runs).toHaveLength(10);
    const orders = runs.find((r) => r.job === 'sales_order');
    expect(orders?.rules.find((r) => r.rule === 'reconciles_with_source')).toMatchObject({ passed: true, observed: 0 });
    expect(orders?.rules.find((r) => r.rule === 'customer_id_in_customers')).toMatchObject({
      passed: true,
      observed: 1,
      severity: 'fail',
    });
    expect(orders?.counts.read).toBe(CLEAN_CSV_INVOICES + 2 + 5 + 2);
    // Each phase is measured, and the whole run at least as long as its phases (each rounded to a millisecond).
    const { readMs, transformMs, qualityMs, writeMs, totalMs } = orders?.timings ?? {
      readMs: 0,
      transformMs: 0,
      qualityMs: 0,
      writeMs: 0,
      totalMs: 0,
    };
    expect(readMs + transformMs + qualityMs + writeMs).toBeGreaterThan(0);
    expect(totalMs).toBeGreaterThanOrEqual(readMs + transformMs + qualityMs + writeMs - 4);
    expect(orders).toEqual(byJob(first, 'sales_order'));
    expect(await listRuns({ store, limit: 2, job: 'sales_order_fact' })).toHaveLength(1);
  });

  it('builds the analytics tables from the curated ones', async () => {
    const fact = await tableRows('sales_order_fact', 'invoice_number');
    expect(fact).toHaveLength(CLEAN_CSV_INVOICES + 1);
    expect(fact.find((f) => f['invoice_number'] === 'INV-P-000001')).toMatchObject({
      part_lines: 1,
      parts_amount: '20.00',
      customer_state: 'TX',
    });
    const catalog = await tableRows('service_parts_catalog', 'serviceid');
    expect(catalog.map((c) => [c['serviceid'], c['sku'], c['part_cost'], c['service_parts_cost']])).toEqual([
      ['S1', 'P1', '20.00', '20.00'],
      ['S2', 'P2', '25.00', '25.00'],
    ]);
  });

  it('creates tables with exactly the Hudi options the Glue job uses', async () => {
    for (const name of ['sales_order', 'sales_order_parts', 'customers']) {
      const job = jobByName(name);
      const options = hudiWriteOptions(job);
      const table = await HudiTable.open(path.join(root, 'curated', name));
      const props = table.config.properties;
      expect(props.get('hoodie.table.name')).toBe(options['hoodie.table.name']);
      expect(props.get('hoodie.table.recordkey.fields')).toBe(options['hoodie.datasource.write.recordkey.field']);
      expect(props.get('hoodie.table.precombine.field')).toBe(options['hoodie.datasource.write.precombine.field']);
      expect(props.get('hoodie.table.partition.fields') ?? '').toBe(
        options['hoodie.datasource.write.partitionpath.field'],
      );
      expect(props.get('hoodie.table.keygenerator.class')).toBe(options['hoodie.datasource.write.keygenerator.class']);
      expect(props.get('hoodie.datasource.write.hive_style_partitioning')).toBe(
        options['hoodie.datasource.write.hive_style_partitioning'],
      );
      expect(props.get('hoodie.table.version')).toBe(options['hoodie.table.version']);
    }
  });

  it('makes no commit when no new input arrived, and keeps the bookmarks', async () => {
    const before = (await HudiTable.open(path.join(root, 'curated', 'sales_order'))).commits();
    const bookmark = await readBookmark(store, 'sales_order');
    const second = await runJobs({ store });
    expect(second.map((r) => r.status)).toEqual(Array(10).fill('no-new-input'));
    expect((await HudiTable.open(path.join(root, 'curated', 'sales_order'))).commits()).toEqual(before);
    expect((await readBookmark(store, 'sales_order')).csv).toEqual(bookmark.csv);
  });

  it('blocks the commit when a fail rule fails, says why, and leaves table and bookmark as they were', async () => {
    const before = (await HudiTable.open(path.join(root, 'curated', 'sales_order'))).commits();
    const quarantineFiles = async () => {
      const keys: string[] = [];
      for await (const info of store.list('processed/quarantine/sales_order/')) keys.push(`${info.key} ${info.size}`);
      return keys;
    };
    const quarantinedBefore = await quarantineFiles();
    expect(quarantinedBefore).toHaveLength(1);
    const lines = [
      'invoice_number,customer_id,order_date,payment_method,subtotal,tax,total_amount,order_type,status,notes,created_at,updated_at',
    ];
    for (let i = 0; i < 20; i++)
      lines.push(
        `INV-C-9${String(i).padStart(5, '0')},1,2024-05-01 10:00:00,Cash,10.00,0.83,-10.83,Parts,Completed,,2024-05-01 10:00:00,2024-05-01 10:00:00`,
      );
    const key = await writeRawCsv({ root }, 'sales_orders', '2025-06-02', 'sales_orders.csv', lines);
    const third = await runJobs({ store, jobs: ['sales_order_fact'] });
    const blocked = byJob(third, 'sales_order');
    expect(blocked.status).toBe('blocked');
    expect(blocked.error).toContain('amounts_non_negative');
    expect(blocked.error).toContain('20 of 20 rows');
    expect(blocked.error).toContain('sales_orders.csv');
    expect(byJob(third, 'sales_order_fact').status).toBe('blocked');
    expect((await HudiTable.open(path.join(root, 'curated', 'sales_order'))).commits()).toEqual(before);
    expect((await readBookmark(store, 'sales_order')).csv['sales_orders']?.some((m) => m.key === key)).toBe(false);
    // The blocked batch's rows are not quarantined (its raw file stays unprocessed): no quarantine file changed.
    expect(blocked.quarantineKey).toBeUndefined();
    expect(await quarantineFiles()).toEqual(quarantinedBefore);
  });
});
