import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createQueryBuilder, toDuckDbSql, toTrinoSql } from '../src/index';

type Db = { amounts: { grp: string; amount: string; ratio: number } };
const qb = createQueryBuilder<Db>({ amounts: { grp: 'string', amount: 'decimal(12,2)', ratio: 'double' } });
const averages = qb
  .selectFrom('amounts', 'a')
  .select((e) => ({ grp: 'a.grp', average: e.round(e.avg('a.amount'), 2), plain: e.avg('a.ratio') }))
  .groupBy(() => ['a.grp'])
  .orderBy('grp');

/** Half-cent averages, where a DOUBLE average rounds the wrong way (1.005 is 1.00499999... as a double). */
const ROWS = [
  ['half-up', '1.01'],
  ['half-up', '1.00'],
  ['negative', '-1.01'],
  ['negative', '-1.00'],
  ['thirds', '0.01'],
  ['thirds', '0.01'],
  ['thirds', '0.02'],
  ['big', '9999999999.99'],
  ['big', '9999999999.98'],
  ['nulls', null],
] as const;

describe('avg over a DECIMAL column', () => {
  it('is exact in DuckDB: a decimal of the column scale, rounded half away from zero, NULL without values', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run('CREATE TABLE amounts (grp VARCHAR, amount DECIMAL(12,2), ratio DOUBLE)');
      for (const [grp, amount] of ROWS)
        await connection.run('INSERT INTO amounts VALUES ($1, CAST($2 AS DECIMAL(12,2)), 0.5)', [grp, amount]);
      const compiled = toDuckDbSql(averages);
      const reader = await connection.runAndReadAll(
        compiled.sql.replace(/"amounts"/g, 'amounts'),
        compiled.parameters as never,
      );
      expect(reader.getRowObjectsJson()).toEqual([
        { grp: 'big', average: '9999999999.99', plain: 0.5 },
        { grp: 'half-up', average: '1.01', plain: 0.5 },
        { grp: 'negative', average: '-1.01', plain: 0.5 },
        { grp: 'nulls', average: null, plain: 0.5 },
        { grp: 'thirds', average: '0.01', plain: 0.5 },
      ]);
      expect(reader.columnTypes()[1]?.toString()).toMatch(/^DECIMAL\(\d+,2\)$/);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("leaves Trino's avg as it is (already an exact decimal) and DOUBLE averages alone", () => {
    expect(toTrinoSql(averages).sql).toContain('round(avg("a"."amount"), 2)');
    expect(toDuckDbSql(averages).sql).not.toContain('avg("a"."amount")');
    expect(toDuckDbSql(averages).sql).toContain('avg("a"."ratio")');
  });
});
