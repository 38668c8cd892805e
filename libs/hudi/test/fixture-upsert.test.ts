import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { HudiTable, META_FIELDS } from '../src/index';
import { tuples } from './support/duckdb';
import { extractFixture } from './support/fixtures';

const env = useScratchDuckdb('fixture-upsert');

describe('upserting into Spark-written tables', () => {
  it('updates and inserts into a copy of v6_simplekeygen_nonhivestyle', async () => {
    const basePath = await extractFixture('v6_simplekeygen_nonhivestyle', env.dir);
    let table = await HudiTable.open(basePath);
    const before = await table.sql({ type: 'snapshot' });
    const source = `SELECT * EXCLUDE (${META_FIELDS.join(', ')}) REPLACE (CASE WHEN id = 2 THEN 'Robert' ELSE 'Eve' END AS name, CASE WHEN id = 2 THEN id ELSE 5 END AS id, longField + 1 AS longField)
      FROM (${before}) WHERE id IN (2, 3)`;
    const result = await table.upsert(env.connection, source);
    expect(result).toMatchObject({ numUpdates: 1, numInserts: 1 });
    table = await table.refresh();
    expect(tuples(await table.read(env.connection, { type: 'snapshot' }))).toEqual([
      [1, 'Alice', false],
      [2, 'Robert', false],
      [3, 'Carol', true],
      [4, 'Diana', true],
      [5, 'Eve', true],
    ]);
    expect(table.commits()).toHaveLength(3);
    const rows = await table.read(
      env.connection,
      { type: 'snapshot' },
      {
        columns: [
          'id',
          '_hoodie_record_key',
          '_hoodie_partition_path',
          '_hoodie_commit_time',
          'structField',
          'decimalField',
        ],
      },
    );
    const byId = new Map(rows.map((r) => [r['id'], r]));
    expect(byId.get(5)).toMatchObject({
      _hoodie_record_key: '5',
      _hoodie_partition_path: '10',
      _hoodie_commit_time: result.instant,
    });
    expect(byId.get(1)?.['_hoodie_commit_time']).toBe('20240418172804498');
    expect((byId.get(5)?.['structField'] as { field1: string }).field1).toBe(
      (byId.get(3)?.['structField'] as { field1: string }).field1,
    );
    expect(String(byId.get(2)?.['decimalField'])).toBe(
      String(
        (
          await table.read(
            env.connection,
            { type: 'asOf', asOf: '20240418172802262' },
            { columns: ['id', 'decimalField'], where: 'id = 2' },
          )
        )[0]?.['decimalField'],
      ),
    );
    expect(tuples(await table.read(env.connection, { type: 'incremental', begin: '20240418172804498' }))).toEqual([
      [2, 'Robert', false],
      [5, 'Eve', true],
    ]);
    expect(tuples(await table.read(env.connection, { type: 'asOf', asOf: '20240418172804498' }))).toEqual([
      [1, 'Alice', false],
      [2, 'Bob', false],
      [3, 'Carol', true],
      [4, 'Diana', true],
    ]);
  });

  it('deletes from a copy of v6_complexkeygen_hivestyle', async () => {
    const basePath = await extractFixture('v6_complexkeygen_hivestyle', env.dir);
    let table = await HudiTable.open(basePath);
    const result = await table.delete(
      env.connection,
      `SELECT 3 AS id, 'Carol' AS name, 10 AS byteField, 300 AS shortField`,
    );
    expect(result.numDeletes).toBe(1);
    table = await table.refresh();
    expect(tuples(await table.read(env.connection, { type: 'snapshot' }))).toEqual([
      [1, 'Alice', false],
      [2, 'Bob', false],
      [4, 'Diana', true],
    ]);
  });
});
