// The quoting rules and the `sql` tag, without DuckDB itself: importable by code that only builds SQL text.
export { DuckDbError, type DuckDbErrorKind, isDuckDbError } from '../duckdb-error';
export { type SqlLiteralValue, quoteIdentifier, quoteList, quoteLiteral } from './quote';
export { type SqlInterpolation, SqlFragment, type SqlTag, sql } from './sql-tag';
