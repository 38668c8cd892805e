export { DuckDbError, type DuckDbErrorKind, isDuckDbError } from './duckdb-error';
export { type DuckDbOptions, EXTENSIONS_POLICY, type ExternalAccess } from './instance/duckdb-options';
export { DuckDb, withDuckDb } from './instance/open-duckdb';
export { type SqlStatement, queryCount, queryRowValues, queryRows } from './rows';
export { type SqlLiteralValue, quoteIdentifier, quoteList, quoteLiteral } from './sql/quote';
export { type SqlInterpolation, SqlFragment, type SqlTag, sql } from './sql/sql-tag';
