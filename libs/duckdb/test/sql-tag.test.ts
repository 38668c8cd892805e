import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlFragment, queryCount, queryRows, quoteIdentifier, quoteLiteral, sql } from '../src/index';

describe('the sql tag', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run('CREATE TABLE victims AS SELECT 1 AS id');
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('makes every interpolated value a literal, so text can never become SQL', async () => {
    const attack = "x' AS v; DROP TABLE victims; SELECT 'y";
    const rows = await queryRows(connection, sql`SELECT ${attack} AS v, ${42} AS n, ${null} AS z, ${true} AS b`);
    expect(rows).toEqual([{ v: attack, n: 42, z: null, b: true }]);
    expect(await queryCount(connection, 'SELECT count(*) FROM victims')).toBe(1);
  });

  it('splices fragments as they are: sql.id, sql.lit, nested templates and sql.raw', () => {
    const table = 'my "table"';
    const inner = sql`${sql.id('k')} = ${"it's"}`;
    const statement = sql`SELECT * FROM ${sql.id('main', table)} WHERE ${inner} ORDER BY k ${sql.raw('DESC')}`;
    expect(statement).toBeInstanceOf(SqlFragment);
    expect(statement.text).toBe(
      `SELECT * FROM ${quoteIdentifier('main')}.${quoteIdentifier(table)} WHERE ${quoteIdentifier('k')} = ${quoteLiteral("it's")} ORDER BY k DESC`,
    );
    expect(`${sql.lit("it's")}`).toBe(quoteLiteral("it's"));
  });

  it('joins fragments and values, and lists values, read back by DuckDB', async () => {
    const columns = ['order', 'select', 'a"b'];
    const values = ['x', "y'z", 'back\\slash'];
    await connection.run(
      sql`CREATE TABLE t AS SELECT ${sql.join(values.map((v, i) => sql`${v} AS ${sql.id(columns[i] as string)}`))}`
        .text,
    );
    const rows = await queryRows(connection, sql`SELECT ${sql.join(columns.map((c) => sql.id(c)))} FROM t`);
    expect(rows).toEqual([Object.fromEntries(columns.map((c, i) => [c, values[i]]))]);
    const listed = await queryRows(
      connection,
      sql`SELECT ${sql.list(values)} AS l, ${sql.join(values, sql.raw(' || '))} AS j`,
    );
    expect(listed).toEqual([{ l: values, j: values.join('') }]);
  });

  it('refuses an id without a name', () => {
    expect(() => sql.id()).toThrow(expect.objectContaining({ kind: 'invalid-identifier' }));
  });
});
