import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Runs `fn` with a fresh in-memory DuckDB connection, closed afterwards. */
export async function withDuckDb<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows of a query as plain objects (DuckDB values converted to JSON-friendly ones). */
export async function queryRows(connection: DuckDBConnection, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** A string as a DuckDB SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
