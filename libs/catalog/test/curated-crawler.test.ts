import path from 'node:path';
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
    const report = await crawlCuratedHudi({ store: lake.store, catalog, progress: false });
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
    expect(types).toMatchObject({ longField: 'bigint', decimalField: 'decimal(10,5)', dateField: 'date', timestampField: 'timestamp', binaryField: 'binary' });
    expect(types['structField']).toBe('struct<field1:string,field2:int,child_struct:struct<child_field1:double,child_field2:boolean>>');
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
    expect((await catalog.getPartitions('autocorp_curated', 'complex_orders')).map((p) => [p.values, p.location])).toEqual([
      [['10', '300'], `${lake.store.uri}/curated/complex_orders/byteField=10/shortField=300/`],
      [['20', '100'], `${lake.store.uri}/curated/complex_orders/byteField=20/shortField=100/`],
      [['30', '100'], `${lake.store.uri}/curated/complex_orders/byteField=30/shortField=100/`],
    ]);
    const plain = await catalog.requireTable('autocorp_curated', 'plain_orders');
    expect(plain.partitionKeys).toEqual([]);
    expect(plain.columns).toHaveLength(5 + 16);

    const again = await crawlCuratedHudi({ store: lake.store, catalog, progress: false });
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
    const reports = await crawlAll({ store: lake.store, catalog, progress: false });
    expect(reports.map((r) => [r.crawler, r.database, r.tables.map((t) => t.table)])).toEqual([
      ['raw-database', 'autocorp_raw', ['pg_service']],
      ['raw-csv', 'autocorp_raw', ['csv_customers']],
      ['curated-hudi', 'autocorp_curated', ['complex_orders', 'plain_orders']],
    ]);
    expect((await catalog.listDatabases()).map((d) => d.name)).toEqual(['autocorp_curated', 'autocorp_raw']);
  });
});
