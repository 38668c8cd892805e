import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog, LocalCatalogBackend, crawlAll, crawlCuratedHudi } from '../src/index';
import { installHudiFixture } from '@autocorp/hudi/testing';
import { type TestLake, createTestLake } from './helpers/lake';

describe('curated Hudi crawler (Spark-written fixtures)', () => {
  let lake: TestLake;
  let catalog: Catalog;

  beforeEach(async () => {
    lake = await createTestLake();
    catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir }));
    await installHudiFixture('cow_v6_complexkeygen_hivestyle', path.join(lake.store.root, 'curated', 'complex_orders'));
    await installHudiFixture('cow_v6_nonpartitioned', path.join(lake.store.root, 'curated', 'plain_orders'));
  });
  afterEach(async () => lake.close());

  it('registers schema, partition keys, Hudi properties and partitions, then changes nothing on a second crawl', async () => {
    const report = await crawlCuratedHudi({ store: lake.store, catalog });
    expect(report.tables.map((t) => [t.table, t.outcome, t.partitionsAdded])).toEqual([
      ['complex_orders', 'created', 3],
      ['plain_orders', 'created', 0],
    ]);
    const complex = await catalog.requireTable('autocorp_curated', 'complex_orders');
    expect(complex.format).toBe('hudi');
    expect(complex.location).toBe(`${lake.store.uri}/curated/complex_orders/`);
    expect(complex.columns.slice(0, 8)).toEqual([
      { name: '_hoodie_commit_time', type: 'string' },
      { name: '_hoodie_commit_seqno', type: 'string' },
      { name: '_hoodie_record_key', type: 'string' },
      { name: '_hoodie_partition_path', type: 'string' },
      { name: '_hoodie_file_name', type: 'string' },
      { name: 'id', type: 'int' },
      { name: 'name', type: 'string' },
      { name: 'isActive', type: 'boolean' },
    ]);
    const types = Object.fromEntries(complex.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      longField: 'bigint',
      decimalField: 'decimal(10,5)',
      dateField: 'date',
      timestampField: 'timestamp',
      binaryField: 'binary',
    });
    expect(types['structField']).toBe(
      'struct<field1:string,field2:int,child_struct:struct<child_field1:double,child_field2:boolean>>',
    );
    expect(complex.columns.map((c) => c.name)).not.toContain('byteField');
    expect(complex.partitionKeys).toEqual([
      { name: 'byteField', type: 'int' },
      { name: 'shortField', type: 'int' },
    ]);
    expect(complex.properties).toMatchObject({
      'hoodie.table.recordkey.fields': 'id,name',
      'hoodie.table.precombine.field': 'longField',
      'hoodie.table.partition.fields': 'byteField,shortField',
      'hoodie.table.type': 'COPY_ON_WRITE',
      'hoodie.table.version': '6',
      'hoodie.datasource.write.hive_style_partitioning': 'true',
    });
    expect(
      (await catalog.getPartitions('autocorp_curated', 'complex_orders')).map((p) => [p.values, p.location]),
    ).toEqual([
      [['10', '300'], `${lake.store.uri}/curated/complex_orders/byteField=10/shortField=300/`],
      [['20', '100'], `${lake.store.uri}/curated/complex_orders/byteField=20/shortField=100/`],
      [['30', '100'], `${lake.store.uri}/curated/complex_orders/byteField=30/shortField=100/`],
    ]);
    const plain = await catalog.requireTable('autocorp_curated', 'plain_orders');
    expect(plain.partitionKeys).toEqual([]);
    expect(plain.columns).toHaveLength(5 + 16);

    const again = await crawlCuratedHudi({ store: lake.store, catalog });
    expect(again.tables.map((t) => [t.outcome, t.partitionsAdded])).toEqual([
      ['unchanged', 0],
      ['unchanged', 0],
    ]);
    expect(await catalog.requireTable('autocorp_curated', 'complex_orders')).toEqual(complex);
    expect((await catalog.history('autocorp_curated', 'complex_orders')).length).toBe(1);
  });

  it('crawlAll runs the three crawlers into the raw and curated databases', async () => {
    await lake.writeQuery('raw/database/pg_service/LOAD00000001.parquet', `SELECT 'SRV-1' AS serviceid`, 'parquet');
    await lake.writeQuery('raw/csv/customers/ingest_date=2024-01-31/customers.csv', `SELECT 1 AS customer_id`, 'csv');
    const reports = await crawlAll({ store: lake.store, catalog });
    expect(reports.map((r) => [r.crawler, r.database, r.tables.map((t) => t.table)])).toEqual([
      ['raw-database', 'autocorp_raw', ['pg_service']],
      ['raw-csv', 'autocorp_raw', ['csv_customers']],
      ['curated-hudi', 'autocorp_curated', ['complex_orders', 'plain_orders']],
    ]);
    expect((await catalog.listDatabases()).map((d) => d.name)).toEqual(['autocorp_curated', 'autocorp_raw']);
  });
});

describe('a local catalog whose state folder is copied elsewhere', () => {
  let lake: TestLake;
  afterEach(async () => lake.close());

  it('stores lake locations relative to the lake, so the copy resolves them inside itself', async () => {
    lake = await createTestLake();
    await installHudiFixture('cow_v6_complexkeygen_hivestyle', path.join(lake.store.root, 'curated', 'complex_orders'));
    await lake.writeQuery(
      'raw/csv/customers/ingest_date=2024-01-31/customers.csv',
      `SELECT i AS customer_id FROM range(5) t(i)`,
      'csv',
    );
    const original = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, lakeUri: lake.store.uri }));
    await crawlAll({ store: lake.store, catalog: original });
    const before = await original.requireTable('autocorp_curated', 'complex_orders');
    expect(before.location).toBe(`${lake.store.uri}/curated/complex_orders/`);

    // Copy the state folder (lake and catalog) and remove the original.
    const moved = `${lake.dir}-moved`;
    await fs.cp(lake.dir, moved, { recursive: true });
    await fs.rm(lake.dir, { recursive: true, force: true });
    try {
      const movedLakeUri = pathToFileURL(path.join(moved, 'lake')).href;
      const catalog = new Catalog(
        new LocalCatalogBackend({ root: path.join(moved, 'catalog'), lakeUri: movedLakeUri }),
      );
      const table = await catalog.requireTable('autocorp_curated', 'complex_orders');
      expect(table.location).toBe(`${movedLakeUri}/curated/complex_orders/`);
      expect(existsSync(fileURLToPath(table.location))).toBe(true);
      const partitions = await catalog.getPartitions('autocorp_curated', 'complex_orders');
      expect(partitions.length).toBeGreaterThan(0);
      for (const p of partitions) expect(existsSync(fileURLToPath(p.location)), p.location).toBe(true);
      expect((await catalog.getPartitions('autocorp_raw', 'csv_customers')).map((p) => p.location)).toEqual([
        `${movedLakeUri}/raw/csv/customers/ingest_date=2024-01-31/`,
      ]);
      expect((await catalog.listDatabases()).map((d) => d.locationUri)).toEqual([
        `${movedLakeUri}/curated/`,
        `${movedLakeUri}/raw/`,
      ]);
      // Crawling the copied lake again finds nothing changed.
      const again = await crawlAll({ store: new LocalObjectStore(path.join(moved, 'lake')), catalog });
      expect(again.flatMap((r) => r.tables.map((t) => t.outcome))).toEqual(['unchanged', 'unchanged']);
      // The files hold no absolute path of the original.
      const stored = await fs.readFile(
        path.join(moved, 'catalog', 'autocorp_curated', 'tables', 'complex_orders.json'),
        'utf8',
      );
      expect(stored).not.toContain(lake.dir);
      expect(stored).toContain('"location": "lake:curated/complex_orders/"');
      // Without the lake the relative locations cannot be resolved, and the error says what to pass.
      await expect(
        new Catalog(new LocalCatalogBackend({ root: path.join(moved, 'catalog') })).requireTable(
          'autocorp_curated',
          'complex_orders',
        ),
      ).rejects.toMatchObject({
        kind: 'invalid-input',
        message: expect.stringContaining('lakeUri'),
      });
    } finally {
      await fs.rm(moved, { recursive: true, force: true });
    }
  });
});
