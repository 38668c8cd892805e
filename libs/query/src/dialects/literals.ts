import type { SqlValue } from '../builder/ast';
import { QueryError } from '../query-error';

/** A string as a standard SQL literal: single quotes doubled; NUL refused. */
export function quoteString(value: string): string {
  if (value.includes('\u0000')) throw new QueryError('invalid-parameter', 'A string value contains a NUL character, which no SQL literal can hold; remove it.');
  return `'${value.replace(/'/g, "''")}'`;
}

/** An identifier in double quotes, inner quotes doubled (DuckDB and Trino). */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\u0000')) throw new QueryError('invalid-query', `${JSON.stringify(name)} cannot be an identifier.`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A JS Date as `YYYY-MM-DD HH:MM:SS.mmm` in UTC. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A value as a literal both DuckDB and Trino read the same way. */
export function standardLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new QueryError('invalid-parameter', `The number ${value} cannot be written in SQL; pass a finite number.`);
    return value.toString();
  }
  if (value instanceof Date) return `TIMESTAMP ${quoteString(formatTimestamp(value))}`;
  return quoteString(value);
}
