export { QueryError, type QueryErrorKind, isQueryError } from './query-error';
export type {
  AggregateFn,
  CastType,
  ComparisonOp,
  DateTruncUnit,
  ExprNode,
  IntervalUnit,
  JoinKind,
  SelectQueryNode,
  SqlValue,
} from './builder/ast';
export type { BuiltQuery, ColumnRef, ColumnValue, Database, Expr, Scope } from './builder/types';
export { type QuerySchema, schemaFromCatalogTables } from './builder/query-schema';
export { ExpressionBuilder, type Operand, type ValueOperand } from './builder/expression-builder';
export { type QueryBuilder, type RowOf, SelectQueryBuilder, createQueryBuilder } from './builder/select-query-builder';
export type { ClauseContext, CompiledQuery, Dialect, DialectName } from './dialects/dialect';
export { DUCKDB_DIALECT } from './dialects/duckdb/duckdb-dialect';
export { TRINO_DIALECT } from './dialects/trino/trino-dialect';
export { quoteIdentifier, quoteString, standardLiteral } from './dialects/literals';
export { type RenderOptions, compileQuery, toDuckDbSql, toTrinoSql } from './dialects/render';
export { type CheckedStatement, type GuardOptions, checkReadOnlySql } from './guard/read-only-guard';
export type {
  ExecutableQuery,
  ExecuteOptions,
  QueryExecutor,
  QueryStartedEvent,
  QueryResult,
  QueryStats,
  ResultColumn,
  ResultRow,
} from './executors/executor';
export { DuckDbExecutor, type DuckDbExecutorOptions } from './executors/duckdb/duckdb-executor';
export { AthenaExecutor, type AthenaExecutorOptions, athenaColumnType } from './executors/athena/athena-executor';
export { DEFAULT_POLL_POLICY, type PollPolicy, pollDelay } from './executors/athena/athena-poll';
export {
  CURATED_QUERY_SCHEMA,
  CURATED_VALUE_KINDS,
  type CuratedDb,
  type CuratedTableName,
  NAMED_QUERIES,
  type NamedQueryDefinition,
  type NamedQueryParameter,
  type NamedQueryParameterType,
  type NamedQueryPeriod,
  type NamedQueryRenderOptions,
  type NamedQueryResult,
  type RunNamedQueryOptions,
  type NamedQueryValues,
  type ValueKind,
  athenaNamedQueryString,
  buildNamedQuery,
  curatedQuerySchema,
  glueTypeOf,
  namedQueryByName,
  namedQueryPeriod,
  renderNamedQuery,
  resolveNamedQueryValues,
  runNamedQuery,
  valueKindOf,
} from './named-queries/index';
