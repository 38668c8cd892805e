import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadOnlySql } from '../src/index';

describe('read-only SQL guard', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const allowedTables = ['sales_order', 'customers'];
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const refused: [string, RegExp][] = [
    ['INSERT INTO customers VALUES (1)', /INSERT statement/],
    ['update customers set state = 1', /UPDATE statement/],
    ['DELETE FROM customers', /DELETE statement/],
    ['MERGE INTO customers USING sales_order s ON true WHEN MATCHED THEN DELETE', /not read-only|MERGE/],
    ["COPY customers TO '/tmp/x.csv'", /COPY statement/],
    ['CREATE TABLE t AS SELECT 1', /CREATE statement/],
    ['DROP TABLE customers', /DROP statement/],
    ['ALTER TABLE customers ADD COLUMN x INT', /ALTER statement/],
    ["ATTACH '/tmp/other.db'", /ATTACH statement/],
    ['INSTALL httpfs', /INSTALL statement/],
    ['LOAD httpfs', /LOAD statement/],
    ['SET enable_external_access = true', /SET statement/],
    ['PRAGMA database_list', /PRAGMA statement/],
    ["EXPORT DATABASE '/tmp/x'", /EXPORT statement/],
    ['CALL duckdb_settings()', /CALL statement/],
    ['SELECT 1; DROP TABLE customers', /not read-only/],
    ['SELECT 1; SELECT 2', /2 statements were given/],
    ["SELECT * FROM read_parquet('/etc/passwd')", /table function read_parquet\(\)/],
    ["SELECT * FROM read_csv('/etc/passwd')", /table function read_csv\(\)/],
    ["SELECT * FROM glob('/*')", /table function glob\(\)/],
    ["SELECT * FROM '/etc/passwd'", /the file or path '\/etc\/passwd' used as a table/],
    ["SELECT * FROM 'data.csv'", /used as a table/],
    ['SELECT * FROM secrets', /the table "secrets" is not in the catalog/],
    ['SELECT * FROM other_db.main.customers', /outside the catalog database/],
    ["SELECT (SELECT count(*) FROM read_text('/etc/passwd')) AS n FROM customers", /read_text\(\)/],
    ["WITH x AS (SELECT * FROM read_json('/tmp/a.json')) SELECT * FROM x", /read_json\(\)/],
    ["SELECT getenv('HOME')", /getenv\(\)/],
  ];

  for (const [sql, reason] of refused) {
    it(`refuses: ${sql}`, async () => {
      const error = await checkReadOnlySql(connection, sql, { allowedTables }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'QueryError', kind: 'refused' });
      expect((error as Error).message).toMatch(reason);
    });
  }

  it('accepts SELECT and WITH over catalog tables and reports the tables read', async () => {
    expect(
      await checkReadOnlySql(connection, 'SELECT state, count(*) FROM customers GROUP BY state', { allowedTables }),
    ).toEqual({ tables: ['customers'] });
    expect(
      await checkReadOnlySql(
        connection,
        'WITH big AS (SELECT * FROM sales_order WHERE total_amount > $1) SELECT c.state, count(*) FROM big JOIN Customers c USING (customer_id) GROUP BY 1',
        { allowedTables },
      ),
    ).toEqual({ tables: ['customers', 'sales_order'] });
    expect(await checkReadOnlySql(connection, 'SELECT * FROM range(3)', { allowedTables })).toEqual({ tables: [] });
  });

  it('reports a syntax error as invalid-query', async () => {
    await expect(checkReadOnlySql(connection, 'SELEC 1', { allowedTables })).rejects.toMatchObject({
      kind: 'invalid-query',
    });
    await expect(checkReadOnlySql(connection, '   ', { allowedTables })).rejects.toMatchObject({
      kind: 'invalid-query',
    });
  });
});
