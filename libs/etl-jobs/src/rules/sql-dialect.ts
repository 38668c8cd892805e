/** The two SQL engines a job runs on: DuckDB locally, Spark SQL in Glue. */
export type SqlDialect = 'duckdb' | 'spark';
