import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlFragment } from './sql/sql-tag';

/** A statement: SQL text, or a fragment built with the `sql` tag. */
export type SqlStatement = string | SqlFragment;

function textOf(statement: SqlStatement): string {
  return typeof statement === 'string' ? statement : statement.text;
}

/**
 * The rows of a query as plain JSON-safe objects: BIGINT, HUGEINT and DECIMAL as strings,
 * timestamps as ISO-like text, lists and structs as arrays and objects.
 *
 * @example
 * const rows = await queryRows(connection, sql`SELECT name FROM parquet_schema(${file})`);
 */
export async function queryRows(
  connection: DuckDBConnection,
  statement: SqlStatement,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(textOf(statement), params as never);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/**
 * The rows of a query with DuckDB's own JS values (BIGINT as bigint, DECIMAL as DuckDBDecimalValue...).
 *
 * @example
 * const [row] = await queryRowValues(connection, 'SELECT max(_lsn) AS lsn FROM staged');
 */
export async function queryRowValues(
  connection: DuckDBConnection,
  statement: SqlStatement,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(textOf(statement));
  return reader.getRowObjects() as Record<string, unknown>[];
}

/**
 * The first column of the first row as a number (a count); 0 when the query returns no row or NULL.
 *
 * @example
 * const n = await queryCount(connection, sql`SELECT count(*) FROM ${sql.id(table)}`);
 */
export async function queryCount(connection: DuckDBConnection, statement: SqlStatement): Promise<number> {
  const first = (await queryRows(connection, statement))[0];
  return first ? Number(Object.values(first)[0] ?? 0) : 0;
}
