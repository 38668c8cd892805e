import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HudiError, HudiTable } from '../src/index';
import { openDuckdb, tuples } from './support/duckdb';
import { extractFixture, scratch } from './support/fixtures';

let connection: DuckDBConnection;
let closeDb: () => void;
let cleanup: () => Promise<void>;
const tables: Record<string, string> = {};

beforeAll(async () => {
  const db = await openDuckdb();
  connection = db.connection;
  closeDb = db.close;
  const s = await scratch('reader');
  cleanup = s.cleanup;
  for (const name of [
    'v6_nonpartitioned',
    'v6_simplekeygen_nonhivestyle',
    'v6_complexkeygen_hivestyle',
    'v6_simplekeygen_nonhivestyle_overwritetable',
    'v6_empty',
  ] as const) {
    tables[name] = await extractFixture(name, s.dir);
  }
});

afterAll(async () => {
  closeDb();
  await cleanup();
});

const open = (name: string) => HudiTable.open(tables[name] as string);
const fileNames = (files: { path: string }[]) => files.map((f) => f.path).sort();

describe('v6_nonpartitioned', () => {
  it('reads the latest snapshot', async () => {
    const table = await open('v6_nonpartitioned');
    expect(tuples(await table.read(connection, { type: 'snapshot' }))).toEqual([
      [1, 'Alice', false],
      [2, 'Bob', false],
      [3, 'Carol', true],
      [4, 'Diana', true],
    ]);
  });

  it('reads as of the first commit', async () => {
    const table = await open('v6_nonpartitioned');
    expect(table.commits()).toEqual(['20240418173550988', '20240418173551906']);
    const rows = await table.read(connection, { type: 'asOf', asOf: '20240418173550988' });
    expect(tuples(rows)).toEqual([
      [1, 'Alice', true],
      [2, 'Bob', false],
      [3, 'Carol', true],
    ]);
  });

  it('picks file slices as of given instants', async () => {
    const table = await open('v6_nonpartitioned');
    const at = async (instant: string) => (await table.fileSlices(instant)).map((s) => s.baseFile.name);
    expect(await at('20240418173551906')).toEqual([
      'a079bdb3-731c-4894-b855-abfcd6921007-0_0-203-274_20240418173551906.parquet',
    ]);
    expect(await at('20240418173551905')).toEqual([
      'a079bdb3-731c-4894-b855-abfcd6921007-0_0-182-253_20240418173550988.parquet',
    ]);
    expect(await at('19700101000000')).toEqual([]);
  });

  it('has 16 data fields and keeps unchanged rows meta columns', async () => {
    const table = await open('v6_nonpartitioned');
    expect((await table.schema()).fields).toHaveLength(16);
    const rows = await table.read(
      connection,
      { type: 'snapshot' },
      { columns: ['id', '_hoodie_commit_time', '_hoodie_commit_seqno', '_hoodie_partition_path'] },
    );
    const byId = new Map(rows.map((r) => [r['id'], r]));
    expect(byId.get(2)).toEqual({
      id: 2,
      _hoodie_commit_time: '20240418173550988',
      _hoodie_commit_seqno: '20240418173550988_0_0',
      _hoodie_partition_path: '',
    });
    expect(byId.get(3)).toEqual({
      id: 3,
      _hoodie_commit_time: '20240418173550988',
      _hoodie_commit_seqno: '20240418173550988_0_1',
      _hoodie_partition_path: '',
    });
    expect(byId.get(1)?.['_hoodie_commit_time']).toBe('20240418173551906');
    expect(byId.get(4)?.['_hoodie_commit_time']).toBe('20240418173551906');
  });

  it('answers the filter query on a struct field', async () => {
    const table = await open('v6_nonpartitioned');
    const rows = await table.read(
      connection,
      { type: 'snapshot' },
      {
        columns: ['id', 'name', 'isActive', 'structField'],
        where: "id % 2 = 0 AND name != 'Alice' AND structField.field2 > 30",
      },
    );
    const sorted = rows.sort((a, b) => Number(a['id']) - Number(b['id']));
    expect(sorted.map((r) => r['id'])).toEqual([2, 4]);
    expect(sorted.map((r) => r['name'])).toEqual(['Bob', 'Diana']);
    expect(sorted.map((r) => r['isActive'])).toEqual([false, true]);
    expect(sorted.map((r) => (r['structField'] as { field2: number }).field2)).toEqual([40, 50]);
  });
});

describe('v6_simplekeygen_nonhivestyle', () => {
  it('lists the latest files', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle');
    expect(fileNames((await table.plan({ type: 'snapshot' })).files)).toEqual([
      '10/97de74b1-2a8e-4bb7-874c-0a74e1f42a77-0_0-119-166_20240418172804498.parquet',
      '20/76e0556b-390d-4249-b7ad-9059e2bc2cbd-0_0-98-141_20240418172802262.parquet',
      '30/6db57019-98ee-480e-8eb1-fb3de48e1c24-0_1-119-167_20240418172804498.parquet',
    ]);
  });

  it('prunes partitions by predicates on byteField', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle');
    const between = await table.plan({
      type: 'snapshot',
      partitionFilter: [
        { field: 'byteField', op: '>=', value: 10 },
        { field: 'byteField', op: '<', value: 30 },
      ],
    });
    expect(fileNames(between.files)).toEqual([
      '10/97de74b1-2a8e-4bb7-874c-0a74e1f42a77-0_0-119-166_20240418172804498.parquet',
      '20/76e0556b-390d-4249-b7ad-9059e2bc2cbd-0_0-98-141_20240418172802262.parquet',
    ]);
    expect(between.files.map((f) => f.partitionValues)).toEqual([{ byteField: '10' }, { byteField: '20' }]);
    expect(
      (await table.plan({ type: 'snapshot', partitionFilter: [{ field: 'byteField', op: '>', value: 30 }] })).files,
    ).toEqual([]);
    const ten = await table.read(connection, {
      type: 'snapshot',
      partitionFilter: [{ field: 'byteField', op: '=', value: 10 }],
    });
    expect(tuples(ten)).toEqual([
      [1, 'Alice', false],
      [3, 'Carol', true],
    ]);
    const twenty = await table.read(connection, {
      type: 'snapshot',
      partitionFilter: (values) => values['byteField'] === '20',
    });
    expect(twenty.map((r) => r['id'])).toEqual([2]);
  });

  it('time travels to the first commit', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle');
    expect(tuples(await table.read(connection, { type: 'asOf', asOf: '20240418172802262' }))).toEqual([
      [1, 'Alice', true],
      [2, 'Bob', false],
      [3, 'Carol', true],
    ]);
  });

  it('answers the filter query and keeps plain record keys', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle');
    const rows = await table.read(
      connection,
      { type: 'snapshot' },
      { where: "id % 2 = 0 AND name != 'Alice' AND structField.field2 > 30" },
    );
    expect(rows.map((r) => r['id']).sort()).toEqual([2, 4]);
    const alice = (await table.read(connection, { type: 'snapshot' }, { where: 'id = 1' }))[0];
    expect(alice?.['_hoodie_record_key']).toBe('1');
    expect(alice?.['_hoodie_partition_path']).toBe('10');
  });
});

describe('v6_complexkeygen_hivestyle', () => {
  it('lists the latest files and prunes on two fields', async () => {
    const table = await open('v6_complexkeygen_hivestyle');
    expect(table.config.partitionFields).toEqual(['byteField', 'shortField']);
    expect(fileNames((await table.plan({ type: 'snapshot' })).files)).toEqual([
      'byteField=10/shortField=300/a22e8257-e249-45e9-ba46-115bc85adcba-0_0-161-223_20240418173235694.parquet',
      'byteField=20/shortField=100/bb7c3a45-387f-490d-aab2-981c3f1a8ada-0_0-140-198_20240418173213674.parquet',
      'byteField=30/shortField=100/4668e35e-bff8-4be9-9ff2-e7fb17ecb1a7-0_1-161-224_20240418173235694.parquet',
    ]);
    const rows = await table.read(connection, {
      type: 'snapshot',
      partitionFilter: [
        { field: 'byteField', op: '>=', value: 10 },
        { field: 'byteField', op: '<', value: 20 },
        { field: 'shortField', op: '!=', value: 100 },
      ],
    });
    expect(tuples(rows)).toEqual([
      [1, 'Alice', false],
      [3, 'Carol', true],
    ]);
    const none = await table.plan({
      type: 'snapshot',
      partitionFilter: [
        { field: 'byteField', op: '>=', value: 20 },
        { field: 'shortField', op: '=', value: 300 },
      ],
    });
    expect(none.files).toEqual([]);
  });

  it('carries complex record keys and hive-style partition paths', async () => {
    const table = await open('v6_complexkeygen_hivestyle');
    const alice = (await table.read(connection, { type: 'snapshot' }, { where: 'id = 1' }))[0];
    expect(alice?.['_hoodie_record_key']).toBe('id:1,name:Alice');
    expect(alice?.['_hoodie_partition_path']).toBe('byteField=10/shortField=300');
  });

  it('rejects a filter on a field that is not a partition field', async () => {
    const table = await open('v6_complexkeygen_hivestyle');
    await expect(
      table.plan({ type: 'snapshot', partitionFilter: [{ field: 'id', op: '=', value: 1 }] }),
    ).rejects.toMatchObject({ kind: 'invalid-option' });
  });
});

describe('v6_simplekeygen_nonhivestyle_overwritetable', () => {
  const c1 = '20240707001301554';
  const c2 = '20240707001302376';
  const c3 = '20240707001303088';

  it('excludes replaced file groups from the snapshot', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle_overwritetable');
    expect(table.commits()).toEqual([c1, c2, c3]);
    const slices = await table.fileSlices();
    expect(slices.map((s) => s.fileId)).toEqual(['ebcb261d-62d3-4895-90ec-5b3c9622dff4-0']);
    expect(tuples(await table.read(connection, { type: 'snapshot' }))).toEqual([[4, 'Diana', false]]);
    const replaced = await table.timeline.replacedFileGroups();
    expect([...replaced.keys()].sort()).toEqual([
      '10/4f2685a3-614f-49ca-9b2b-e1cb9fb61f27-0',
      '20/88163884-fef0-4aab-865d-c72327a8a1d5-0',
      '30/d398fae1-c0e6-4098-8124-f55f7098bdba-0',
    ]);
  });

  it('reads every incremental range', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle_overwritetable');
    const inc = async (begin: string, end?: string) =>
      tuples(await table.read(connection, { type: 'incremental', begin, ...(end ? { end } : {}) }));
    expect(await inc('19700101000000', c1)).toEqual([
      [1, 'Alice', true],
      [2, 'Bob', false],
      [3, 'Carol', true],
    ]);
    expect(await inc(c1, c2)).toEqual([
      [1, 'Alice', false],
      [4, 'Diana', true],
    ]);
    expect(await inc(c2, c3)).toEqual([[4, 'Diana', false]]);
    expect(await inc(c1)).toEqual([[4, 'Diana', false]]);
    expect(await inc(c3)).toEqual([]);
  });

  it('reads the replace commit request as Avro', async () => {
    const table = await open('v6_simplekeygen_nonhivestyle_overwritetable');
    const { readAvroContainer } = await import('../src/index');
    const { records, schema } = readAvroContainer(
      await table.storage.read(`.hoodie/${c3}.replacecommit.requested`),
      'requested replace',
    );
    expect((schema as { name: string }).name).toBe('HoodieRequestedReplaceMetadata');
    expect(records).toEqual([{ operationType: null, clusteringPlan: null, extraMetadata: null, version: null }]);
  });
});

describe('v6_empty', () => {
  it('has no commits, no rows and the create schema', async () => {
    const table = await open('v6_empty');
    expect(table.commits()).toEqual([]);
    expect((await table.schema()).fields.map((f) => [f.name, f.duckdbType])).toEqual([
      ['id', 'INTEGER'],
      ['name', 'VARCHAR'],
      ['isActive', 'BOOLEAN'],
    ]);
    expect(await table.read(connection, { type: 'snapshot' })).toEqual([]);
    expect(await table.read(connection, { type: 'incremental', begin: '19700101000000' })).toEqual([]);
    const result = await connection.runAndReadAll(await table.sql({ type: 'snapshot' }, { columns: ['id', 'name'] }));
    expect(result.columnNames()).toEqual(['id', 'name']);
    expect(result.columnTypes().map((t) => t.toString())).toEqual(['INTEGER', 'VARCHAR']);
  });
});

describe('opening', () => {
  it('says when a folder is not a table', async () => {
    const error = await HudiTable.open('/tmp').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HudiError);
    expect((error as HudiError).kind).toBe('not-a-table');
    expect((error as HudiError).message).toContain('/tmp');
  });
});
