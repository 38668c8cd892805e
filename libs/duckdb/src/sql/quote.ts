import { DuckDbError } from '../duckdb-error';

/** A value a SQL literal can hold: text, a finite number, a bigint, a boolean, or NULL. */
export type SqlLiteralValue = string | number | bigint | boolean | null;

const NUL = '\u0000';

/**
 * The quoting rule for identifiers, shared by DuckDB, PostgreSQL and Trino: the name in double
 * quotes, each inner double quote doubled. Nothing else is escaped (a backslash is a backslash).
 * An empty name or one holding a NUL character is refused: no quoted identifier can hold it.
 *
 * @example
 * quoteIdentifier('order')     // '"order"'
 * quoteIdentifier('say "hi"')  // '"say ""hi"""'
 */
export function quoteIdentifier(name: string): string {
  if (name === '')
    throw new DuckDbError('invalid-identifier', 'An identifier is empty; give the table or column a name.');
  if (name.includes(NUL)) {
    throw new DuckDbError(
      'invalid-identifier',
      `The identifier ${JSON.stringify(name)} contains a NUL character, which no quoted identifier can hold; remove it.`,
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The literal rule, shared by DuckDB, PostgreSQL (standard_conforming_strings) and Trino: text in
 * single quotes with each inner single quote doubled and nothing else escaped (a backslash stays a
 * backslash; there is no `E'...'` form here). Numbers and bigints as digits, booleans as
 * TRUE/FALSE, null as NULL. Refused: text with a NUL character (DuckDB's parser ends the statement
 * there) and non-finite numbers.
 *
 * @example
 * quoteLiteral("O'Brien")  // "'O''Brien'"
 * quoteLiteral(42n)        // '42'
 * quoteLiteral(null)       // 'NULL'
 */
export function quoteLiteral(value: SqlLiteralValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      if (value.includes(NUL)) {
        throw new DuckDbError(
          'invalid-literal',
          'A string value contains a NUL character, which no SQL literal can hold; remove it.',
        );
      }
      return `'${value.replaceAll("'", "''")}'`;
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value))
        throw new DuckDbError('invalid-literal', `The number ${value} cannot be written in SQL; pass a finite number.`);
      return value.toString();
    default:
      throw new DuckDbError(
        'invalid-literal',
        `A ${typeof value} cannot be written as a SQL literal; pass text, a number, a bigint, a boolean or null.`,
      );
  }
}

/**
 * A DuckDB list literal of the values, e.g. for `read_parquet([...])` or `IN` over a list.
 *
 * @example
 * quoteList(['a.parquet', "it's.parquet"])  // "['a.parquet', 'it''s.parquet']"
 */
export function quoteList(values: readonly SqlLiteralValue[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
