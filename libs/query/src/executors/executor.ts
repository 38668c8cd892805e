import type { BuiltQuery } from '../builder/types';
import type { CompiledQuery, DialectName } from '../dialects/dialect';

export interface ResultColumn {
  readonly name: string;
  /** Lowercase SQL type: `bigint`, `decimal(12,2)`, `varchar`, `timestamp`, ... */
  readonly type: string;
}

/**
 * Row values, the same from every executor: booleans; numbers for integer and floating types
 * (BIGINT beyond 2^53 stays a decimal string); decimals as exact strings; dates `YYYY-MM-DD`;
 * timestamps `YYYY-MM-DD HH:MM:SS[.fff...]`; text as strings; NULL as null.
 */
export type ResultRow = Record<string, string | number | boolean | null>;

export interface QueryStats {
  /** Bytes the engine read: Athena's DataScannedInBytes; locally the size of the base files the query's tables cover. */
  readonly bytesScanned?: number;
  readonly elapsedMs: number;
  /** Athena's query execution id. */
  readonly queryId?: string;
  /** Base files the query's tables cover (local executor). */
  readonly filesScanned?: number;
}

export interface QueryResult {
  readonly columns: ResultColumn[];
  readonly rows: ResultRow[];
  readonly stats: QueryStats;
}

export interface ExecuteOptions {
  /** Aborting cancels the query (DuckDB interrupt, Athena StopQueryExecution); the call rejects with QueryError `cancelled`. */
  readonly signal?: AbortSignal;
  /** Time travel: read curated tables as of this Hudi instant (`yyyyMMddHHmmssSSS`) or point in time. */
  readonly asOf?: string | Date;
  /** Incremental read: only rows committed after this instant (exclusive)... */
  readonly since?: string | Date;
  /** ...up to this one (inclusive; default the latest commit). */
  readonly until?: string | Date;
  /**
   * Called once the engine has the query (DuckDB: the statement is pending on its connection;
   * Athena: StartQueryExecution returned its id). Aborting the signal from here cancels the running query.
   */
  readonly onStarted?: (event: QueryStartedEvent) => void;
}

export interface QueryStartedEvent {
  /** Athena's query execution id. */
  readonly queryId?: string;
}

/** A built query, an already compiled one, or raw SQL text (checked read-only before it runs). */
export type ExecutableQuery = BuiltQuery | CompiledQuery | string;

/** Runs queries against the lake: DuckDB over the local Hudi tables, or Athena. */
export interface QueryExecutor {
  readonly dialect: DialectName;
  execute(query: ExecutableQuery, params?: readonly unknown[], options?: ExecuteOptions): Promise<QueryResult>;
  close(): Promise<void>;
}
