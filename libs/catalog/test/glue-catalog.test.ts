import { CreateTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { beforeEach, describe, expect, it } from 'vitest';
import { Catalog, GlueCatalogBackend, STORAGE_FORMATS, type TableInput } from '../src/index';
import { GlueWire } from './helpers/glue-wire';

const ORDERS: TableInput = {
  name: 'sales_order',
  location: 's3://lake/curated/sales_order/',
  format: 'hudi',
  columns: [
    { name: 'order_id', type: 'bigint' },
    { name: 'total_amount', type: 'decimal(12,2)' },
  ],
  partitionKeys: [{ name: 'order_year', type: 'int' }],
  properties: { 'hoodie.table.recordkey.fields': 'invoice_number', 'hoodie.table.precombine.field': 'updated_at' },
};

function glueCatalog(wire: GlueWire): Catalog {
  const client = new GlueClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    requestHandler: wire,
    maxAttempts: 1,
  });
  return new Catalog(new GlueCatalogBackend({ client }));
}

describe('Glue catalog backend (Glue wire protocol)', () => {
  let wire: GlueWire;
  let catalog: Catalog;
  beforeEach(() => {
    wire = new GlueWire(2);
    catalog = glueCatalog(wire);
  });

  it('sends CreateDatabase once and treats AlreadyExistsException as success', async () => {
    await catalog.ensureDatabase({ name: 'curated', description: 'Curated zone' });
    const db = await catalog.ensureDatabase({ name: 'curated' });
    expect(db.name).toBe('curated');
    expect(wire.operations()).toEqual(['CreateDatabase', 'GetDatabase', 'CreateDatabase', 'GetDatabase']);
    expect(wire.calls[0]?.input).toEqual({ DatabaseInput: { Name: 'curated', Description: 'Curated zone' } });
  });

  it('creates a Hudi table with the exact TableInput and reads it back', async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    const created = await catalog.registerTable('curated', ORDERS);
    expect(created.outcome).toBe('created');
    const create = wire.calls.find((c) => c.operation === 'CreateTable');
    expect(create?.input).toEqual({
      DatabaseName: 'curated',
      TableInput: {
        Name: 'sales_order',
        TableType: 'EXTERNAL_TABLE',
        Parameters: {
          'hoodie.table.recordkey.fields': 'invoice_number',
          'hoodie.table.precombine.field': 'updated_at',
          classification: 'hudi',
          EXTERNAL: 'TRUE',
        },
        PartitionKeys: [{ Name: 'order_year', Type: 'int' }],
        StorageDescriptor: {
          Columns: [
            { Name: 'order_id', Type: 'bigint' },
            { Name: 'total_amount', Type: 'decimal(12,2)' },
          ],
          Location: 's3://lake/curated/sales_order/',
          InputFormat: 'org.apache.hudi.hadoop.HoodieParquetInputFormat',
          OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          SerdeInfo: {
            SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
            Parameters: { 'hoodie.query.as.ro.table': 'false', path: 's3://lake/curated/sales_order/' },
          },
          Compressed: false,
          StoredAsSubDirectories: false,
        },
      },
    });
    expect(created.table).toMatchObject({
      database: 'curated',
      name: 'sales_order',
      format: 'hudi',
      versionId: '1',
      columns: ORDERS.columns,
      properties: ORDERS.properties,
    });
    expect(created.table.createdAt).toBe(new Date(1_700_000_001 * 1000).toISOString());
  });

  it('returns undefined for EntityNotFoundException and a not-found CatalogError where the table must exist', async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    expect(await catalog.getTable('curated', 'ghost')).toBeUndefined();
    await expect(catalog.history('curated', 'ghost')).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('"curated.ghost"'),
    });
    await expect(catalog.listTables('nodb')).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('Database "nodb"'),
    });
  });

  it('updates only on change (UpdateTable keeps the archive) and pages through GetTableVersions', async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    wire.calls.length = 0;
    expect((await catalog.registerTable('curated', ORDERS)).outcome).toBe('unchanged');
    expect(wire.operations()).toEqual(['GetTable']);

    const v2 = { ...ORDERS, columns: [...ORDERS.columns, { name: 'status', type: 'string' }] };
    const v3 = { ...v2, columns: v2.columns.map((c) => (c.name === 'order_id' ? { ...c, type: 'string' } : c)) };
    const second = await catalog.registerTable('curated', v2);
    expect(second.change?.added).toEqual([{ name: 'status', type: 'string' }]);
    await catalog.registerTable('curated', v3);
    const update = wire.calls.filter((c) => c.operation === 'UpdateTable');
    expect(update).toHaveLength(2);
    expect(update[0]?.input['SkipArchive']).toBe(false);

    wire.calls.length = 0;
    const history = await catalog.history('curated', 'sales_order');
    expect(history.map((h) => h.versionId)).toEqual(['1', '2', '3']);
    expect(history[2]?.change?.retyped).toEqual([{ name: 'order_id', from: 'bigint', to: 'string' }]);
    expect(wire.calls.map((c) => [c.operation, c.input['NextToken']])).toEqual([
      ['GetTableVersions', undefined],
      ['GetTableVersions', '2'],
    ]);
  });

  it('lists tables and partitions across pages and batches partitions by 100, skipping known ones', async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    for (const name of ['a', 'b', 'c'])
      await catalog.registerTable('curated', { ...ORDERS, name, location: `s3://lake/curated/${name}/` });
    expect((await catalog.listTables('curated')).map((t) => t.name)).toEqual(['a', 'b', 'c']);

    const partitions = Array.from({ length: 205 }, (_, i) => ({
      values: [String(2000 + i)],
      location: `s3://lake/curated/a/order_year=${2000 + i}/`,
    }));
    wire.injectPartition('curated', 'a', ['2000']);
    wire.calls.length = 0;
    const added = await catalog.addPartitions('curated', 'a', partitions);
    expect(added).toBe(204);
    const batches = wire.calls.filter((c) => c.operation === 'BatchCreatePartition');
    expect(batches.map((b) => (b.input['PartitionInputList'] as unknown[]).length)).toEqual([100, 100, 4]);
    const firstPartition = (batches[0]?.input['PartitionInputList'] as Record<string, unknown>[])[0];
    expect(firstPartition).toMatchObject({
      Values: ['2001'],
      StorageDescriptor: {
        Location: 's3://lake/curated/a/order_year=2001/',
        InputFormat: 'org.apache.hudi.hadoop.HoodieParquetInputFormat',
      },
    });

    wire.calls.length = 0;
    const all = await catalog.getPartitions('curated', 'a');
    expect(all).toHaveLength(205);
    expect(all[0]?.values).toEqual(['2000']);
    const tokens = wire.calls.map((c) => c.input['NextToken']);
    expect(tokens).toHaveLength(103);
    expect(tokens.slice(0, 3)).toEqual([undefined, '2', '4']);
  });

  it("reads a table Hudi's own catalog sync created (no classification) as Hudi, and lists past tables of formats it does not know", async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    const client = new GlueClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      requestHandler: wire,
      maxAttempts: 1,
    });
    const columns = [
      { Name: '_hoodie_commit_time', Type: 'string' },
      ...ORDERS.columns.map((c) => ({ Name: c.name, Type: c.type })),
    ];
    // The TableInput Hudi 0.15's HMS sync (hoodie.datasource.hive_sync.mode=hms) sends: EXTERNAL, the Spark data source
    // properties and the last synced commit, but no classification.
    const hudiSync: TableInput = ORDERS;
    await client.send(
      new CreateTableCommand({
        DatabaseName: 'curated',
        TableInput: {
          Name: hudiSync.name,
          TableType: 'EXTERNAL_TABLE',
          Parameters: {
            EXTERNAL: 'TRUE',
            'spark.sql.sources.provider': 'hudi',
            'spark.sql.sources.schema.numParts': '1',
            last_commit_time_sync: '20250601120000000',
          },
          PartitionKeys: [{ Name: 'order_year', Type: 'int' }],
          StorageDescriptor: {
            Columns: columns,
            Location: hudiSync.location,
            InputFormat: STORAGE_FORMATS.hudi.inputFormat,
            OutputFormat: STORAGE_FORMATS.hudi.outputFormat,
            SerdeInfo: {
              SerializationLibrary: STORAGE_FORMATS.hudi.serde,
              Parameters: { 'serialization.format': '1', 'hoodie.query.as.ro.table': 'false', path: hudiSync.location },
            },
          },
        },
      }),
    );
    // A table some other tool put in the database, in a format this catalog has no mapping for (ORC).
    await client.send(
      new CreateTableCommand({
        DatabaseName: 'curated',
        TableInput: {
          Name: 'orc_extract',
          Parameters: { classification: 'orc' },
          StorageDescriptor: {
            Location: 's3://lake/other/',
            InputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
          },
        },
      }),
    );
    const listed = await catalog.listTables('curated');
    expect(listed.map((t) => [t.name, t.format])).toEqual([[hudiSync.name, 'hudi']]);
    expect(listed[0]?.properties).toMatchObject({
      'spark.sql.sources.provider': 'hudi',
      last_commit_time_sync: '20250601120000000',
    });
    expect((await catalog.getTable('curated', hudiSync.name))?.format).toBe('hudi');
    await expect(catalog.getTable('curated', 'orc_extract')).rejects.toMatchObject({
      kind: 'corrupt-state',
      message: expect.stringContaining('OrcInputFormat'),
    });
  });

  it('surfaces other Glue failures as backend errors naming the operation', async () => {
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    const error = await catalog
      .addPartitions('curated', 'sales_order', [{ values: ['1', '2'], location: 's3://x/' }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-input' });
    await expect(catalog.backend.deleteTable('curated', 'ghost')).resolves.toBeUndefined();
  });
});
