import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import type { HudiTable } from '../src/index';
import { createTable, parseTableConfig, tableChecksum } from '../src/index';

const env = useScratchDuckdb('writer');

const orders = (rows: [string, number, number, string, number][]) =>
  `SELECT * FROM (VALUES ${rows
    .map(
      ([inv, year, month, status, version]) =>
        `('${inv}', ${year}, ${month}, '${status}', TIMESTAMP '2024-0${month}-01 10:00:00' + INTERVAL ${version} MINUTE, ${version * 10}.25::DECIMAL(12,2))`,
    )
    .join(', ')}) AS t(invoice_number, order_year, order_month, status, updated_at, total)`;

async function newOrdersTable(name: string, hive = false): Promise<HudiTable> {
  return createTable({
    basePath: join(env.dir, name),
    tableName: name,
    recordKeyFields: ['invoice_number'],
    precombineField: 'updated_at',
    partitionFields: ['order_year', 'order_month'],
    hiveStylePartitioning: hive,
  });
}

async function statusById(table: HudiTable, query: Parameters<HudiTable['read']>[1] = { type: 'snapshot' }) {
  const rows = await table.read(env.connection, query, { columns: ['invoice_number', 'status'] });
  return Object.fromEntries(rows.map((r) => [r['invoice_number'], r['status']]).sort());
}

describe('createTable', () => {
  it('lays out .hoodie like Hudi with a valid checksum', async () => {
    const table = await newOrdersTable('layout');
    const hoodie = await readdir(join(table.basePath, '.hoodie'));
    expect(hoodie.sort()).toEqual(['.aux', '.schema', '.temp', 'archived', 'hoodie.properties']);
    const config = parseTableConfig(
      await readFile(join(table.basePath, '.hoodie/hoodie.properties'), 'utf8'),
      table.basePath,
    );
    expect(config.properties.get('hoodie.table.checksum')).toBe(String(tableChecksum(undefined, 'layout')));
    expect(config.tableVersion).toBe(6);
    expect(config.keyGenerator).toBe('complex');
    expect(config.partitionFields).toEqual(['order_year', 'order_month']);
    await expect(newOrdersTable('layout')).rejects.toMatchObject({ kind: 'table-exists' });
  });
});

describe('upsert', () => {
  it('writes, updates only touched file groups and keeps unchanged rows meta columns', async () => {
    let table = await newOrdersTable('upsert');
    const first = await table.upsert(
      env.connection,
      orders([
        ['INV-1', 2024, 1, 'new', 1],
        ['INV-2', 2024, 1, 'new', 1],
        ['INV-3', 2024, 2, 'new', 1],
      ]),
    );
    expect(first).toMatchObject({ action: 'commit', numInserts: 3, numUpdates: 0, numWrites: 3 });
    expect(first.filesWritten).toHaveLength(2);
    expect(first.filesWritten.every((p) => /^2024\/[12]\/[0-9a-f-]+-0_\d+-1-\d+_\d{17}\.parquet$/.test(p))).toBe(true);
    expect(await readFile(join(table.basePath, '2024/1/.hoodie_partition_metadata'), 'utf8')).toContain(
      'partitionDepth=2',
    );

    const second = await table.upsert(
      env.connection,
      orders([
        ['INV-1', 2024, 1, 'paid', 2],
        ['INV-1', 2024, 1, 'shipped', 3],
        ['INV-4', 2024, 1, 'new', 1],
      ]),
    );
    expect(second).toMatchObject({ numUpdates: 1, numInserts: 1, numWrites: 3 });
    expect(second.filesWritten).toHaveLength(1);
    table = await table.refresh();
    expect(await statusById(table)).toEqual({ 'INV-1': 'shipped', 'INV-2': 'new', 'INV-3': 'new', 'INV-4': 'new' });

    const rows = await table.read(
      env.connection,
      { type: 'snapshot' },
      {
        columns: [
          'invoice_number',
          '_hoodie_commit_time',
          '_hoodie_commit_seqno',
          '_hoodie_record_key',
          '_hoodie_partition_path',
          '_hoodie_file_name',
        ],
      },
    );
    const byKey = new Map(rows.map((r) => [r['invoice_number'], r]));
    expect(byKey.get('INV-2')?.['_hoodie_commit_time']).toBe(first.instant);
    expect(byKey.get('INV-3')?.['_hoodie_commit_time']).toBe(first.instant);
    expect(byKey.get('INV-1')?.['_hoodie_commit_time']).toBe(second.instant);
    expect(String(byKey.get('INV-1')?.['_hoodie_commit_seqno'])).toMatch(new RegExp(`^${second.instant}_\\d+_\\d+$`));
    expect(byKey.get('INV-1')?.['_hoodie_record_key']).toBe('invoice_number:INV-1');
    expect(byKey.get('INV-1')?.['_hoodie_partition_path']).toBe('2024/1');
    expect(byKey.get('INV-2')?.['_hoodie_file_name']).toBe(second.filesWritten[0]?.split('/').pop());

    const older = await table.upsert(env.connection, orders([['INV-2', 2024, 1, 'stale', 0]]));
    expect(older.numUpdates).toBe(0);
    table = await table.refresh();
    expect((await statusById(table))['INV-2']).toBe('new');

    expect(await statusById(table, { type: 'asOf', asOf: first.instant })).toEqual({
      'INV-1': 'new',
      'INV-2': 'new',
      'INV-3': 'new',
    });
    const incremental = await statusById(table, { type: 'incremental', begin: first.instant });
    expect(incremental).toEqual({ 'INV-1': 'shipped', 'INV-4': 'new' });
  });

  it('records real write stats and the Spark-style Avro schema in the commit', async () => {
    let table = await newOrdersTable('stats');
    await table.upsert(env.connection, orders([['A', 2023, 5, 'new', 1]]));
    const result = await table.upsert(
      env.connection,
      orders([
        ['A', 2023, 5, 'paid', 2],
        ['B', 2023, 5, 'new', 1],
      ]),
    );
    table = await table.refresh();
    const instant = table.timeline.completedWrites().at(-1)!;
    const meta = await table.timeline.commitMetadata(instant);
    expect(meta.operationType).toBe('UPSERT');
    const stats = meta.partitionToWriteStats['2023/5']!;
    expect(stats).toHaveLength(1);
    const stat = stats[0]!;
    expect(stat).toMatchObject({
      numWrites: 2,
      numInserts: 1,
      numUpdateWrites: 1,
      numDeletes: 0,
      partitionPath: '2023/5',
      path: result.filesWritten[0],
    });
    expect(stat.prevCommit).toBe(table.commits()[0]);
    expect(stat.fileSizeInBytes).toBeGreaterThan(0);
    expect(stat.totalWriteBytes).toBe(stat.fileSizeInBytes);
    const schema = JSON.parse(meta.extraMetadata['schema']!);
    expect(schema.name).toBe('stats_record');
    expect(schema.namespace).toBe('hoodie.stats');
    expect(schema.fields.map((f: { name: string }) => f.name)).toEqual([
      'invoice_number',
      'order_year',
      'order_month',
      'status',
      'updated_at',
      'total',
    ]);
    expect(schema.fields[4]).toEqual({
      name: 'updated_at',
      type: ['null', { type: 'long', logicalType: 'timestamp-micros' }],
      default: null,
    });
    expect(schema.fields[5].type[1]).toMatchObject({
      type: 'fixed',
      size: 16,
      logicalType: 'decimal',
      precision: 38,
      scale: 2,
    });
    const inflight = await readFile(join(table.basePath, `.hoodie/${instant.timestamp}.inflight`), 'utf8');
    expect(JSON.parse(inflight).operationType).toBe('UPSERT');
    expect(await readFile(join(table.basePath, `.hoodie/${instant.timestamp}.commit.requested`), 'utf8')).toBe('');
  });

  it('writes Parquet that Spark and Athena read: optional columns, UTC micros timestamps, decimals, Hudi footers', async () => {
    const table = await newOrdersTable('footers');
    const result = await table.upsert(
      env.connection,
      orders([
        ['K-2', 2022, 3, 'new', 1],
        ['K-1', 2022, 3, 'new', 2],
      ]),
    );
    const file = join(table.basePath, result.filesWritten[0]!);
    const schema = await env.connection.runAndReadAll(
      `SELECT name, type, repetition_type, converted_type, logical_type FROM parquet_schema('${file}') WHERE name <> 'duckdb_schema'`,
    );
    const columns = schema.getRowObjectsJson();
    expect(columns.map((c) => c['name'])).toEqual([
      '_hoodie_commit_time',
      '_hoodie_commit_seqno',
      '_hoodie_record_key',
      '_hoodie_partition_path',
      '_hoodie_file_name',
      'invoice_number',
      'order_year',
      'order_month',
      'status',
      'updated_at',
      'total',
    ]);
    expect(columns.every((c) => c['repetition_type'] === 'OPTIONAL')).toBe(true);
    const byName = new Map(columns.map((c) => [c['name'], c]));
    expect(byName.get('_hoodie_record_key')?.['converted_type']).toBe('UTF8');
    expect(byName.get('updated_at')).toMatchObject({ type: 'INT64', converted_type: 'TIMESTAMP_MICROS' });
    expect(String(byName.get('updated_at')?.['logical_type'])).toContain('isAdjustedToUTC=1');
    expect(byName.get('total')).toMatchObject({ type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'DECIMAL' });
    expect(byName.get('order_year')).toMatchObject({ type: 'INT32' });
    const kv = await env.connection.runAndReadAll(
      `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`,
    );
    const footers = Object.fromEntries(kv.getRows().map(([k, v]) => [String(k), String(v)]));
    expect(footers['hoodie_min_record_key']).toBe('invoice_number:K-1');
    expect(footers['hoodie_max_record_key']).toBe('invoice_number:K-2');
    expect(footers['writer.model.name']).toBe('avro');
    expect(footers['hoodie_bloom_filter_type_code']).toBe('DYNAMIC_V0');
    const { DynamicBloomFilter } = await import('../src/index');
    const bloom = DynamicBloomFilter.deserialize(footers['org.apache.hudi.bloomfilter']!);
    expect(bloom.mightContain('invoice_number:K-1')).toBe(true);
    expect(bloom.mightContain('invoice_number:K-3')).toBe(false);
    const avro = JSON.parse(footers['parquet.avro.schema']!);
    expect(avro.fields.slice(0, 5).map((f: { name: string }) => f.name)).toEqual([
      '_hoodie_commit_time',
      '_hoodie_commit_seqno',
      '_hoodie_record_key',
      '_hoodie_partition_path',
      '_hoodie_file_name',
    ]);
    const ts = await (
      await table.refresh()
    ).read(
      env.connection,
      { type: 'snapshot' },
      { columns: ['invoice_number', 'updated_at'], where: "invoice_number = 'K-1'" },
    );
    expect((ts[0]?.['updated_at'] as Date).toISOString()).toBe('2024-03-01T10:02:00.000Z');
  });

  it('refuses to write a table that has a metadata table', async () => {
    const table = await newOrdersTable('with_metadata');
    await mkdir(join(table.basePath, '.hoodie/metadata'));
    await expect(table.upsert(env.connection, orders([['M-1', 2024, 1, 'new', 1]]))).rejects.toMatchObject({
      kind: 'unsupported-table',
    });
  });

  it('rejects null keys and missing key columns', async () => {
    let table = await newOrdersTable('bad');
    await expect(
      table.upsert(
        env.connection,
        `SELECT NULL::VARCHAR AS invoice_number, 2024 AS order_year, 1 AS order_month, now() AS updated_at`,
      ),
    ).rejects.toMatchObject({ kind: 'invalid-record' });
    await expect(
      table.upsert(env.connection, `SELECT 2024 AS order_year, 1 AS order_month, now() AS updated_at`),
    ).rejects.toMatchObject({ kind: 'schema-mismatch' });
    table = await table.refresh();
    expect(table.commits()).toEqual([]);
    expect(table.timeline.pendingWrites()).toEqual([]);
  });
});

describe('other operations', () => {
  it('insert grows small files, bulk_insert opens new file groups, delete removes keys', async () => {
    let table = await newOrdersTable('ops', true);
    const a = await table.insert(env.connection, orders([['I-1', 2024, 4, 'new', 1]]));
    expect(a.filesWritten[0]).toMatch(/^order_year=2024\/order_month=4\//);
    const b = await table.insert(env.connection, orders([['I-2', 2024, 4, 'new', 1]]));
    expect(b.filesWritten).toHaveLength(1);
    const fileId = (path: string | undefined) => path?.split('/').pop()?.split('_')[0];
    expect(fileId(b.filesWritten[0])).toBe(fileId(a.filesWritten[0]));
    const c = await table.bulkInsert(env.connection, orders([['I-3', 2024, 4, 'new', 1]]));
    expect(fileId(c.filesWritten[0])).not.toBe(fileId(a.filesWritten[0]));
    table = await table.refresh();
    expect((await table.fileSlices()).length).toBe(2);
    const d = await table.delete(
      env.connection,
      `SELECT 'I-2' AS invoice_number, 2024 AS order_year, 4 AS order_month`,
    );
    expect(d).toMatchObject({ numDeletes: 1, numInserts: 0 });
    table = await table.refresh();
    expect(await statusById(table)).toEqual({ 'I-1': 'new', 'I-3': 'new' });
    const meta = await table.timeline.commitMetadata(table.timeline.completedWrites().at(-1)!);
    expect(meta.operationType).toBe('DELETE');
  });

  it('insert_overwrite replaces touched partitions, insert_overwrite_table replaces all', async () => {
    let table = await newOrdersTable('overwrite');
    await table.upsert(
      env.connection,
      orders([
        ['O-1', 2024, 1, 'new', 1],
        ['O-2', 2024, 2, 'new', 1],
      ]),
    );
    const over = await table.insertOverwrite(env.connection, orders([['O-3', 2024, 1, 'new', 1]]));
    expect(over.action).toBe('replacecommit');
    expect(over.fileGroupsReplaced).toHaveLength(1);
    table = await table.refresh();
    expect(await statusById(table)).toEqual({ 'O-2': 'new', 'O-3': 'new' });
    const meta = await table.timeline.commitMetadata(table.timeline.completedWrites().at(-1)!);
    expect(meta.operationType).toBe('INSERT_OVERWRITE');
    expect(Object.keys(meta.partitionToReplaceFileIds ?? {})).toEqual(['2024/1']);
    const requested = await readFile(join(table.basePath, `.hoodie/${over.instant}.replacecommit.requested`));
    const { readAvroContainer } = await import('../src/index');
    expect(readAvroContainer(requested, 'plan').records).toHaveLength(1);

    const all = await table.insertOverwriteTable(env.connection, orders([['O-9', 2025, 1, 'new', 1]]));
    expect(all.fileGroupsReplaced).toHaveLength(2);
    table = await table.refresh();
    expect(await statusById(table)).toEqual({ 'O-9': 'new' });
    expect(await statusById(table, { type: 'incremental', begin: over.instant })).toEqual({ 'O-9': 'new' });
  });

  it('splits new records over files of the maximum size', async () => {
    let table = await newOrdersTable('sizing');
    const result = await table.bulkInsert(
      env.connection,
      `SELECT 'S-' || i AS invoice_number, 2024 AS order_year, 6 AS order_month, 'new' AS status, TIMESTAMP '2024-06-01' AS updated_at FROM range(1000) t(i)`,
      { maxFileSizeBytes: 100 * 1024, recordSizeEstimate: 1024, bloomFilter: false },
    );
    expect(result.filesWritten).toHaveLength(10);
    table = await table.refresh();
    const counts = await env.connection.runAndReadAll(
      `SELECT count(*)::INT FROM (${await table.sql({ type: 'snapshot' })})`,
    );
    expect(counts.getRows()[0]?.[0]).toBe(1000);
  });

  it('adds new columns and fills missing ones with nulls', async () => {
    let table = await newOrdersTable('evolve');
    await table.upsert(env.connection, orders([['E-1', 2024, 1, 'new', 1]]));
    await table.upsert(
      env.connection,
      `SELECT 'E-2' AS invoice_number, 2024 AS order_year, 1 AS order_month, TIMESTAMP '2024-01-02' AS updated_at, 'web' AS channel`,
    );
    table = await table.refresh();
    const rows = await table.read(
      env.connection,
      { type: 'snapshot' },
      { columns: ['invoice_number', 'status', 'channel'] },
    );
    expect(rows.sort((x, y) => String(x['invoice_number']).localeCompare(String(y['invoice_number'])))).toEqual([
      { invoice_number: 'E-1', status: 'new', channel: null },
      { invoice_number: 'E-2', status: null, channel: 'web' },
    ]);
  });
});

describe('keys and partition paths', () => {
  it('writes simple keys for one key and one partition field, and URL-encodes when asked', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'simple'),
      tableName: 'simple',
      recordKeyFields: ['id'],
      precombineField: 'v',
      partitionFields: ['region'],
      hiveStylePartitioning: true,
      urlEncodePartitioning: true,
    });
    expect(table.config.keyGenerator).toBe('simple');
    await table.upsert(env.connection, `SELECT * FROM (VALUES (1, 'north east', 1), (2, NULL, 1)) t(id, region, v)`);
    table = await table.refresh();
    const rows = await table.read(
      env.connection,
      { type: 'snapshot' },
      { columns: ['id', '_hoodie_record_key', '_hoodie_partition_path'] },
    );
    expect(rows.sort((a, b) => Number(a['id']) - Number(b['id']))).toEqual([
      { id: 1, _hoodie_record_key: '1', _hoodie_partition_path: 'region=north+east' },
      { id: 2, _hoodie_record_key: '2', _hoodie_partition_path: 'region=__HIVE_DEFAULT_PARTITION__' },
    ]);
    const pruned = await table.plan({
      type: 'snapshot',
      partitionFilter: [{ field: 'region', op: '=', value: 'north east' }],
    });
    expect(pruned.files).toHaveLength(1);
  });

  it('writes non-partitioned tables with partition metadata at the base path', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'flat'),
      tableName: 'flat',
      recordKeyFields: ['id', 'kind'],
      precombineField: 'v',
    });
    await table.upsert(env.connection, `SELECT * FROM (VALUES (1, 'a', 1), (1, 'b', 1)) t(id, kind, v)`);
    table = await table.refresh();
    expect(await readFile(join(table.basePath, '.hoodie_partition_metadata'), 'utf8')).toContain('partitionDepth=0');
    const keys = (
      await table.read(
        env.connection,
        { type: 'snapshot' },
        { columns: ['_hoodie_record_key', '_hoodie_partition_path'] },
      )
    )
      .map((r) => r['_hoodie_record_key'])
      .sort();
    expect(keys).toEqual(['id:1,kind:a', 'id:1,kind:b']);
  });
});

describe('HudiTable snapshots', () => {
  it('stay as they were opened: a write changes the table, not the snapshot; refresh() returns a new one', async () => {
    const table = await newOrdersTable('snapshot');
    const result = await table.upsert(env.connection, orders([['S-1', 2024, 4, 'new', 1]]));
    expect(table.commits()).toEqual([]);
    expect(await table.read(env.connection, { type: 'snapshot' })).toEqual([]);
    const fresh = await table.refresh();
    expect(fresh).not.toBe(table);
    expect(fresh.commits()).toEqual([result.instant]);
    expect(await statusById(fresh)).toEqual({ 'S-1': 'new' });
    expect(table.commits()).toEqual([]);
    // A write from the stale snapshot still sees the stored record (writes list the table under the lock).
    const update = await table.upsert(env.connection, orders([['S-1', 2024, 4, 'paid', 2]]));
    expect(update).toMatchObject({ numUpdates: 1, numInserts: 0 });
    expect(await statusById(await fresh.refresh())).toEqual({ 'S-1': 'paid' });
  });
});
