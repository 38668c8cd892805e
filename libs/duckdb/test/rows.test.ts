import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDb, queryCount, queryRowValues, queryRows, sql } from '../src/index';

describe('row helpers', () => {
  let db: DuckDb;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    db = await DuckDb.open({ threads: 1 });
    connection = await db.connect();
    await connection.run(
      'CREATE TABLE t AS SELECT i::BIGINT AS id, (i / 4)::DECIMAL(10,2) AS amount FROM range(1, 6) r(i)',
    );
  });
  afterAll(() => {
    connection.closeSync();
    db.close();
  });

  it('queryRows gives JSON-safe rows (BIGINT and DECIMAL as text) and takes parameters', async () => {
    const rows = await queryRows(connection, 'SELECT id, amount FROM t WHERE id = $1', [2]);
    const expected = (
      await connection.runAndReadAll('SELECT id::VARCHAR AS id, amount::VARCHAR AS amount FROM t WHERE id = 2')
    ).getRowObjectsJS();
    expect(rows).toEqual(expected);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('queryRowValues keeps DuckDB values (BIGINT as bigint)', async () => {
    const [row] = await queryRowValues(connection, sql`SELECT max(id) AS id FROM t`);
    const [count] = (await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRowsJS();
    expect(row?.['id']).toBe(count?.[0]);
    expect(typeof row?.['id']).toBe('bigint');
  });

  it('queryCount reads the first value as a number, 0 without rows or for NULL', async () => {
    const ids = (await connection.runAndReadAll('SELECT id FROM t')).getRowsJS();
    expect(await queryCount(connection, sql`SELECT count(*) FROM t WHERE id > ${1}`)).toBe(
      ids.filter(([id]) => Number(id) > 1).length,
    );
    expect(await queryCount(connection, 'SELECT id FROM t WHERE false')).toBe(0);
    expect(await queryCount(connection, 'SELECT NULL')).toBe(0);
  });
});
