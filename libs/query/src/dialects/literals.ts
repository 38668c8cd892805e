import { isDuckDbError, quoteIdentifier as quoteSqlIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import type { SqlValue } from '../builder/ast';
import { QueryError, type QueryErrorKind } from '../query-error';

/** Runs a quoting rule of @autocorp/duckdb, its refusal as a QueryError of `kind`. */
function quoted(kind: QueryErrorKind, quote: () => string): string {
  try {
    return quote();
  } catch (error) {
    if (isDuckDbError(error)) throw new QueryError(kind, error.message, { cause: error });
    throw error;
  }
}

/** A string as a standard SQL literal: single quotes doubled; NUL refused. */
export function quoteString(value: string): string {
  return quoted('invalid-parameter', () => quoteLiteral(value));
}

/** An identifier in double quotes, inner quotes doubled (DuckDB and Trino); empty or NUL refused. */
export function quoteIdentifier(name: string): string {
  return quoted('invalid-query', () => quoteSqlIdentifier(name));
}

/** A JS Date as `YYYY-MM-DD HH:MM:SS.mmm` in UTC. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A value as a literal both DuckDB and Trino read the same way. */
export function standardLiteral(value: SqlValue): string {
  if (value instanceof Date) return `TIMESTAMP ${quoteString(formatTimestamp(value))}`;
  return quoted('invalid-parameter', () => quoteLiteral(value));
}
