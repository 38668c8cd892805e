import path from 'node:path';
import { installHudiFixture } from '@autocorp/hudi/testing';
import type { ProgressEvent } from '@autocorp/progress';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog, LocalCatalogBackend, crawlAll } from '../src/index';
import { type TestLake, createTestLake } from './helpers/lake';

async function countKeys(lake: TestLake, prefix: string, keep: (key: string) => boolean): Promise<number> {
  let n = 0;
  for await (const info of lake.store.list(prefix)) if (keep(info.key)) n++;
  return n;
}

describe('crawl progress events', () => {
  let lake: TestLake;
  let catalog: Catalog;
  beforeEach(async () => {
    lake = await createTestLake();
    catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir }));
  });
  afterEach(async () => lake.close());

  it('reports one task per crawler, in crawl order, counting every file or table it looked at (rejected ones too)', async () => {
    for (const [i, table] of ['pg_auto_parts', 'pg_auto_parts', 'pg_customers'].entries()) {
      await lake.writeQuery(
        `raw/database/${table}/LOAD0000000${i + 1}.parquet`,
        `SELECT ${i}::INTEGER AS id, 'x' AS name`,
        'parquet',
      );
    }
    for (const day of ['2024-01-31', '2024-02-01', '2024-02-02']) {
      await lake.writeQuery(
        `raw/csv/customers/ingest_date=${day}/customers.csv`,
        `SELECT i AS customer_id, 'TX' AS state FROM range(5) t(i)`,
        'csv',
      );
    }
    await lake.writeQuery(
      'raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.csv',
      `SELECT 'INV-' || i AS invoice_number FROM range(3) t(i)`,
      'csv',
    );
    await installHudiFixture('cow_v6_nonpartitioned', path.join(lake.store.root, 'curated', 'plain_orders'));

    const events: ProgressEvent[] = [];
    const reports = await crawlAll({ store: lake.store, catalog, onProgress: (e) => events.push(e) });

    const expected = [
      {
        subject: 'raw/database/',
        unit: 'files',
        total: await countKeys(lake, 'raw/database/', (k) => k.endsWith('.parquet')),
      },
      { subject: 'raw/csv/', unit: 'files', total: await countKeys(lake, 'raw/csv/', (k) => k.endsWith('.csv')) },
      {
        subject: 'curated/',
        unit: 'tables',
        total: await countKeys(lake, 'curated/', (k) => k.endsWith('.hoodie/hoodie.properties')),
      },
    ];
    expect(expected.map((e) => e.total).every((n) => n > 0)).toBe(true);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['crawl']));
    expect(events.map((e) => [e.subject, e.phase, e.done])).toEqual(
      expected.flatMap(({ subject, total }) => [
        [subject, 'start', 0],
        ...Array.from({ length: total }, (_, i) => [subject, 'advance', i + 1]),
        [subject, 'finish', total],
      ]),
    );
    for (const { subject, unit, total } of expected) {
      for (const e of events.filter((x) => x.subject === subject))
        expect({ unit: e.unit, total: e.total }).toEqual({ unit, total });
    }
    // Each crawler's count is what it read or rejected.
    const [database, csv] = reports;
    expect(database!.tables.reduce((n, t) => n + t.filesRead, 0) + database!.rejected.length).toBe(expected[0]!.total);
    expect(csv!.tables.reduce((n, t) => n + t.filesRead, 0) + csv!.rejected.length).toBe(expected[1]!.total);
    expect(reports[2]!.tables.length).toBe(expected[2]!.total);
  });
});
