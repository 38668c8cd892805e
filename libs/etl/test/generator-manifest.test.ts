import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Manifest, plannedCounts } from '@autocorp/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobByName } from '@autocorp/etl-jobs';
import { type RunReport, runJobs } from '../src/index';
import { CuratedReader } from './support/curated-reader';
import { type GeneratedLake, generatedLake } from '../bench/generated-lake';

/** Small enough to stay quick, large enough for several dirty rows of every kind and many multi-version invoices. */
const SCALE = 0.005;

/** The row rule each defect kind of the generator breaks first, per CSV file. */
const DEFECT_RULES: Record<string, { job: string; rules: Record<string, string> }> = {
  'sales_orders.csv': {
    job: 'sales_order',
    rules: {
      'negative-amount': 'amounts_non_negative',
      'unknown-customer': 'customer_id_in_customers',
      'unparseable-date': 'fields_parse',
      'missing-invoice-number': 'invoice_number_is_complete',
      'wrong-column-count': 'line_well_formed',
    },
  },
  'sales_order_parts.csv': {
    job: 'sales_order_parts',
    rules: {
      'negative-amount': 'amounts_non_negative',
      'unknown-sku': 'sku_in_auto_parts',
      'non-positive-quantity': 'quantity_positive',
      'unparseable-date': 'fields_parse',
      'missing-invoice-number': 'invoice_number_is_complete',
      'wrong-column-count': 'line_well_formed',
    },
  },
  'sales_order_services.csv': {
    job: 'sales_order_services',
    rules: {
      'negative-amount': 'amounts_non_negative',
      'unknown-serviceid': 'serviceid_in_service',
      'non-positive-quantity': 'quantity_positive',
      'unparseable-date': 'fields_parse',
      'missing-invoice-number': 'invoice_number_is_complete',
      'wrong-column-count': 'line_well_formed',
    },
  },
};

let lake: GeneratedLake;
let manifest: Manifest;
let first: RunReport[];
const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
let curated: CuratedReader;

const report = (reports: RunReport[], job: string): RunReport => {
  const found = reports.find((r) => r.job === job);
  if (!found) throw new Error(`no run report for ${job}`);
  return found;
};

beforeAll(async () => {
  lake = await generatedLake({ scale: SCALE });
  manifest = JSON.parse(await readFile(path.join(lake.exportDir, 'manifest.json'), 'utf8')) as Manifest;
  curated = new CuratedReader(connection, lake.lakeRoot);
  first = await runJobs({ store: lake.store, sourceRowCount: postgresRowCount });
}, 300_000);

/** The real source database's row count of a table (the CDC has committed everything before the run). */
async function postgresRowCount(table: string): Promise<number> {
  const result = await lake.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

afterAll(async () => {
  connection.closeSync();
  duck.closeSync();
  await lake?.close();
});

describe('ETL of the generated business, checked against the generator manifest', () => {
  it('commits all ten jobs', () => {
    expect(first.map((r) => [r.job, r.status, r.error])).toEqual(first.map((r) => [r.job, 'committed', undefined]));
    expect(first).toHaveLength(10);
  });

  it('reconciles every operational table with the raw files and with its PostgreSQL row count', async () => {
    const operational = first.filter((r) => r.rules.some((o) => o.rule === 'reconciles_with_source'));
    expect(operational.map((r) => r.job)).toEqual([
      'auto_parts',
      'service',
      'service_parts',
      'customers',
      'sales_order',
      'sales_order_parts',
      'sales_order_services',
    ]);
    for (const run of operational) {
      const outcome = run.rules.find((o) => o.rule === 'reconciles_with_source');
      const source = jobByName(run.job).sources.find((src) => src.kind === 'database' && src.read === 'changes');
      const pgRows = await postgresRowCount(source?.kind === 'database' ? source.table : '');
      expect(outcome, run.job).toMatchObject({
        passed: true,
        observed: 0,
        basis: 'raw files and PostgreSQL row count',
      });
      expect(outcome?.details, run.job).toMatchObject({ sourceRows: pgRows, curatedSourceRows: pgRows });
      const d = outcome?.details ?? {};
      expect(d['readRows'], run.job).toBe(
        Number(d['writtenRows']) + Number(d['quarantinedRows']) + Number(d['duplicateRows']),
      );
    }
  });

  it('holds exactly the PostgreSQL orders plus the unique CSV invoices in sales_order', async () => {
    const planned = plannedCounts(SCALE);
    const orders = await curated.snapshotSql('sales_order');
    expect(await curated.count(`SELECT count(*) FROM ${orders}`)).toBe(planned.uniqueInvoicesCombined);
    expect(await curated.count(`SELECT count(DISTINCT invoice_number) FROM ${orders}`)).toBe(
      planned.uniqueInvoicesCombined,
    );
    expect(await curated.count(`SELECT count(*) FROM ${orders} WHERE source_system = 'postgres'`)).toBe(
      planned.salesOrder,
    );
    expect(await curated.count(`SELECT count(*) FROM ${orders} WHERE source_system = 'csv'`)).toBe(
      planned.csvUniqueInvoices,
    );
  });

  it('keeps, for every invoice, exactly the version expected_winners.csv names, with its line counts', async () => {
    const winners = `read_csv('${path.join(lake.exportDir, 'manifest/expected_winners.csv')}', all_varchar = true, header = true)`;
    const orders = await curated.snapshotSql('sales_order');
    const parts = await curated.snapshotSql('sales_order_parts');
    const services = await curated.snapshotSql('sales_order_services');
    const compared = `
      SELECT w.invoice_number, w.versions,
        strftime(o.updated_at, '%Y-%m-%d %H:%M:%S') = w.updated_at AS same_updated_at,
        o.status IS NOT DISTINCT FROM NULLIF(w.status, '') AS same_status,
        o.payment_method IS NOT DISTINCT FROM NULLIF(w.payment_method, '') AS same_payment_method,
        o.total_amount = CAST(w.total_amount AS DECIMAL(12,2)) AS same_total,
        COALESCE(p.n, 0) = CAST(w.part_lines AS INT) AS same_part_lines,
        COALESCE(s.n, 0) = CAST(w.service_lines AS INT) AS same_service_lines
      FROM ${winners} w
      LEFT JOIN ${orders} o ON o.invoice_number = w.invoice_number
      LEFT JOIN (SELECT invoice_number, count(*) AS n FROM ${parts} GROUP BY 1) p ON p.invoice_number = w.invoice_number
      LEFT JOIN (SELECT invoice_number, count(*) AS n FROM ${services} GROUP BY 1) s ON s.invoice_number = w.invoice_number`;
    const [summary] = await curated.rows(`
      SELECT count(*) AS invoices,
        count(*) FILTER (WHERE CAST(versions AS INT) > 1) AS duplicated,
        count(*) FILTER (WHERE same_updated_at AND same_status AND same_payment_method AND same_total AND same_part_lines AND same_service_lines) AS matching
      FROM (${compared})`);
    expect(Number(summary?.['invoices'])).toBe(plannedCounts(SCALE).csvUniqueInvoices);
    expect(Number(summary?.['duplicated'])).toBeGreaterThan(100);
    const wrong = await curated.rows(
      `SELECT * FROM (${compared}) WHERE (same_updated_at AND same_status AND same_payment_method AND same_total AND same_part_lines AND same_service_lines) IS NOT TRUE LIMIT 5`,
    );
    expect(wrong).toEqual([]);
    expect(Number(summary?.['matching'])).toBe(Number(summary?.['invoices']));
  });

  it.each(Object.entries(DEFECT_RULES))(
    'quarantines every dirty row of %s, once, under the rule its defect breaks, at its file and line',
    async (file, { job, rules }) => {
      const run = report(first, job);
      expect(run.quarantineKey).toBeDefined();
      const quarantine = `read_parquet('${path.join(lake.lakeRoot, run.quarantineKey as string)}')`;
      const defects = `read_csv('${path.join(lake.exportDir, 'manifest/expected_defects.csv')}', all_varchar = true, header = true)`;
      const ruleOf = `CASE defect ${Object.entries(rules)
        .map(([kind, rule]) => `WHEN '${kind}' THEN '${rule}'`)
        .join(' ')} END`;
      const expected = await curated.rows(
        `SELECT CAST(line_number AS BIGINT) AS line, ${ruleOf} AS rule FROM ${defects} WHERE file = '${file}' ORDER BY line`,
      );
      const actual = await curated.rows(
        `SELECT source_line AS line, rule FROM ${quarantine} WHERE source_file LIKE '%raw/csv/${file.replace(/\.csv$/, '')}/%' ORDER BY line`,
      );
      expect(actual).toEqual(expected);
      expect(await curated.count(`SELECT count(*) FROM ${quarantine}`)).toBe(expected.length);

      const planned = manifest.files[file as 'sales_orders.csv'].defects as Record<string, number>;
      const byRule = await curated.rows(
        `SELECT rule, count(*)::INT AS n FROM ${quarantine} GROUP BY rule ORDER BY rule`,
      );
      const expectedByRule = Object.fromEntries(Object.entries(planned).map(([kind, n]) => [rules[kind], n]));
      expect(Object.fromEntries(byRule.map((r) => [r['rule'], r['n']]))).toEqual(expectedByRule);
      expect(run.counts.quarantined).toBe(Object.values(planned).reduce((s, n) => s + n, 0));
    },
  );
});

describe('CDC through ETL on the generated business', () => {
  const changed = {
    updated: '',
    deleted: '',
    inserted: '',
    updatedLine: 0,
    deletedLines: [] as number[],
    insertedLine: 0,
  };
  let second: RunReport[];

  beforeAll(async () => {
    const client = await lake.pool.connect();
    try {
      const picked = await client.query<{ order_id: string; invoice_number: string }>(
        `SELECT o.order_id, o.invoice_number FROM sales_order o WHERE (SELECT count(*) FROM sales_order_parts p WHERE p.order_id = o.order_id) >= 2 ORDER BY o.order_id LIMIT 2`,
      );
      const [keep, drop] = picked.rows;
      if (!keep || !drop) throw new Error('the generated source has too few orders with two part lines');
      changed.updated = keep.invoice_number;
      changed.deleted = drop.invoice_number;
      const line = await client.query<{ line_item_id: string }>(
        `SELECT line_item_id FROM sales_order_parts WHERE order_id = $1 ORDER BY line_item_id LIMIT 1`,
        [keep.order_id],
      );
      changed.updatedLine = Number(line.rows[0]?.line_item_id);
      const dropped = await client.query<{ line_item_id: string }>(
        `SELECT line_item_id FROM sales_order_parts WHERE order_id = $1`,
        [drop.order_id],
      );
      changed.deletedLines = dropped.rows.map((r) => Number(r.line_item_id));
      await client.query('BEGIN');
      await client.query(
        `UPDATE sales_order SET status = 'Refunded', payment_method = 'Mobile Pay', updated_at = updated_at + interval '1 day' WHERE order_id = $1`,
        [keep.order_id],
      );
      await client.query(
        `UPDATE sales_order_parts SET quantity = quantity + 1, line_total = (quantity + 1) * unit_price WHERE line_item_id = $1`,
        [changed.updatedLine],
      );
      await client.query(`DELETE FROM sales_order WHERE order_id = $1`, [drop.order_id]);
      const next = await client.query<{
        order_id: string;
        line_item_id: string;
        customer_id: number;
        sku: string;
        price: string;
      }>(
        `SELECT (SELECT max(order_id) + 1 FROM sales_order) AS order_id, (SELECT max(line_item_id) + 1 FROM sales_order_parts) AS line_item_id,
           (SELECT min(customer_id) FROM customers) AS customer_id, (SELECT sku FROM auto_parts ORDER BY sku LIMIT 1) AS sku, (SELECT price FROM auto_parts ORDER BY sku LIMIT 1) AS price`,
      );
      const n = next.rows[0];
      if (!n) throw new Error('no ids for the new order');
      changed.inserted = 'INV-1999999999';
      changed.insertedLine = Number(n.line_item_id);
      await client.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at)
         VALUES ($1, $2, TIMESTAMP '2025-12-30 10:00:00', $3, 'Cash', $4, 0, $4, 'Parts', 'Completed', 'walk-in', TIMESTAMP '2025-12-30 10:00:00', TIMESTAMP '2025-12-30 10:00:00')`,
        [n.order_id, n.customer_id, changed.inserted, n.price],
      );
      await client.query(
        `INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total, created_at) VALUES ($1, $2, $3, 1, $4, $4, TIMESTAMP '2025-12-30 10:00:00')`,
        [n.line_item_id, n.order_id, n.sku, n.price],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await lake.cdc();
    second = await runJobs({ store: lake.store, sourceRowCount: postgresRowCount });
  }, 300_000);

  it('reconciles the changed tables with PostgreSQL after the changes', async () => {
    for (const job of ['sales_order', 'sales_order_parts']) {
      const outcome = report(second, job).rules.find((o) => o.rule === 'reconciles_with_source');
      const pgRows = await postgresRowCount(job);
      expect(outcome, job).toMatchObject({
        passed: true,
        basis: 'raw files and PostgreSQL row count',
        details: expect.objectContaining({ sourceRows: pgRows, curatedSourceRows: pgRows }),
      });
    }
  });

  it('applies the changes: deleted order and lines gone, updated values new, inserted order and line present', async () => {
    const committed = second.filter((r) => r.status === 'committed').map((r) => r.job);
    expect(committed).toEqual(
      expect.arrayContaining(['sales_order', 'sales_order_parts', 'sales_order_fact', 'sales_order_line_items']),
    );
    expect(second.every((r) => r.status === 'committed' || r.status === 'no-new-input')).toBe(true);
    expect(report(second, 'sales_order').counts).toMatchObject({ inserted: 1, updated: 1, deleted: 1, quarantined: 0 });

    const orders = await curated.snapshotSql('sales_order');
    expect(await curated.count(`SELECT count(*) FROM ${orders}`)).toBe(plannedCounts(SCALE).uniqueInvoicesCombined);
    expect(
      await curated.rows(`SELECT invoice_number FROM ${orders} WHERE invoice_number = '${changed.deleted}'`),
    ).toEqual([]);
    expect(
      await curated.rows(`SELECT status, payment_method FROM ${orders} WHERE invoice_number = '${changed.updated}'`),
    ).toEqual([{ status: 'Refunded', payment_method: 'Mobile Pay' }]);
    expect(
      await curated.rows(
        `SELECT status, notes, source_system FROM ${orders} WHERE invoice_number = '${changed.inserted}'`,
      ),
    ).toEqual([{ status: 'Completed', notes: 'walk-in', source_system: 'postgres' }]);

    const parts = await curated.snapshotSql('sales_order_parts');
    expect(await curated.count(`SELECT count(*) FROM ${parts} WHERE invoice_number = '${changed.deleted}'`)).toBe(0);
    expect(
      await curated.count(`SELECT count(*) FROM ${parts} WHERE line_item_id IN (${changed.deletedLines.join(', ')})`),
    ).toBe(0);
    const [source] = (
      await lake.pool.query<{ quantity: number; line_total: string }>(
        `SELECT quantity, line_total::TEXT FROM sales_order_parts WHERE line_item_id = $1`,
        [changed.updatedLine],
      )
    ).rows;
    expect(
      await curated.rows(
        `SELECT quantity, CAST(line_total AS VARCHAR) AS line_total FROM ${parts} WHERE line_item_id = ${changed.updatedLine}`,
      ),
    ).toEqual([source]);
    expect(
      await curated.rows(`SELECT invoice_number, quantity FROM ${parts} WHERE line_item_id = ${changed.insertedLine}`),
    ).toEqual([{ invoice_number: changed.inserted, quantity: 1 }]);
    expect(await curated.count(`SELECT count(*) FROM ${parts} WHERE source_system = 'postgres'`)).toBe(
      Number((await lake.pool.query<{ n: string }>('SELECT count(*) AS n FROM sales_order_parts')).rows[0]?.n),
    );

    const fact = await curated.snapshotSql('sales_order_fact');
    expect(await curated.count(`SELECT count(*) FROM ${fact} WHERE invoice_number = '${changed.deleted}'`)).toBe(0);
    expect(await curated.count(`SELECT count(*) FROM ${fact} WHERE invoice_number = '${changed.inserted}'`)).toBe(1);
  });

  it('makes no commit when nothing new arrived', async () => {
    const tables = second.map((r) => r.job);
    const before = await Promise.all(tables.map((job) => curated.commits(job)));
    const idle = await runJobs({ store: lake.store });
    expect(idle.map((r) => [r.job, r.status])).toEqual(tables.map((job) => [job, 'no-new-input']));
    expect(await Promise.all(tables.map((job) => curated.commits(job)))).toEqual(before);
  });

  it('gives the same tables when a run is redone after a crash that lost its bookmarks', async () => {
    await lake.pool.query(
      `UPDATE sales_order SET status = 'Cancelled', updated_at = updated_at + interval '1 day' WHERE invoice_number = $1`,
      [changed.updated],
    );
    await lake.pool.query(`DELETE FROM sales_order_parts WHERE line_item_id = $1`, [changed.insertedLine]);
    await lake.cdc();
    const bookmarks = new Map<string, Buffer>();
    for await (const info of lake.store.list('state/etl/bookmarks/'))
      bookmarks.set(info.key, await lake.store.getBytes(info.key));
    const done = await runJobs({ store: lake.store });
    expect(report(done, 'sales_order').status).toBe('committed');
    const jobs = ['sales_order', 'sales_order_parts', 'sales_order_fact', 'sales_order_line_items'];
    const after = await Promise.all(jobs.map((job) => curated.snapshot(job)));
    expect(after[0]?.find((o) => o['invoice_number'] === changed.updated)).toMatchObject({ status: 'Cancelled' });
    expect(after[1]?.some((l) => Number(l['line_item_id']) === changed.insertedLine)).toBe(false);

    // The crash: the tables were committed but the bookmarks were not written.
    for (const [key, bytes] of bookmarks) await lake.store.put(key, bytes);
    const redone = await runJobs({ store: lake.store });
    expect(report(redone, 'sales_order').status).toBe('committed');
    expect(report(redone, 'sales_order').inputFiles).toEqual(report(done, 'sales_order').inputFiles);
    expect(await Promise.all(jobs.map((job) => curated.snapshot(job)))).toEqual(after);
  });

  it('fails the PostgreSQL reconciliation when the source holds an order the CDC has not committed', async () => {
    const [order] = (
      await lake.pool.query<{ order_id: string }>('SELECT max(order_id) + 1 AS order_id FROM sales_order')
    ).rows;
    await lake.pool.query(
      `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at)
       SELECT $1, min(customer_id), TIMESTAMP '2025-12-31 10:00:00', 'INV-1999999998', 'Cash', 1, 0, 1, 'Parts', 'Completed', NULL, TIMESTAMP '2025-12-31 10:00:00', TIMESTAMP '2025-12-31 10:00:00' FROM customers`,
      [order?.order_id],
    );
    // New input for the job (a CSV export), while the order is not yet in the raw zone.
    const header =
      'invoice_number,customer_id,order_date,payment_method,subtotal,tax,total_amount,order_type,status,notes,created_at,updated_at';
    const customer = (await lake.pool.query<{ id: number }>('SELECT min(customer_id) AS id FROM customers')).rows[0]
      ?.id;
    const line = `INV-C-999999,${customer},2025-12-31 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,,2025-12-31 10:00:00,2025-12-31 10:00:00`;
    await lake.store.put('raw/csv/sales_orders/ingest_date=2026-01-01/sales_orders.csv', `${header}\n${line}\n`);
    const run = report(
      await runJobs({ store: lake.store, jobs: ['sales_order'], sourceRowCount: postgresRowCount }),
      'sales_order',
    );
    const outcome = run.rules.find((o) => o.rule === 'reconciles_with_source');
    const pgRows = await postgresRowCount('sales_order');
    expect(outcome).toMatchObject({
      passed: false,
      observed: 1,
      details: expect.objectContaining({ sourceRows: pgRows, curatedSourceRows: pgRows - 1 }),
    });
    expect(outcome?.message).toContain(`PostgreSQL holds ${pgRows} row(s), the curated table would hold ${pgRows - 1}`);
    expect(run.status).toBe('blocked');
  });
});
