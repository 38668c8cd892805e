import { DuckDb } from '@autocorp/duckdb';
import { DuckDbExecutor, type QueryExecutor } from '@autocorp/query';
import { TableCountsCache } from './handlers/table-counts-cache';
import type { MetricsHistory } from './metrics/metrics-history';
import type { PlatformRuntime } from './platform-runtime';

/** What the route handlers share: the runtime, the metrics history and the engines they read with (opened on first use). */
export class ApiContext {
  private executorInstance: QueryExecutor | undefined;
  private duckdbInstance: Promise<DuckDb> | undefined;
  /** Row counts kept until what they counted changes (fed the runtime's events by the server). */
  readonly tableCounts = new TableCountsCache();

  constructor(
    readonly runtime: PlatformRuntime,
    readonly metrics: MetricsHistory,
    readonly startedAt: number,
    readonly now: () => number,
  ) {}

  /** The query engine over the curated catalog database: the runtime's (Athena on aws), else DuckDB sandboxed to the tables' folders. */
  executor(): QueryExecutor {
    this.executorInstance ??=
      this.runtime.createQueryExecutor?.() ??
      new DuckDbExecutor({
        catalog: this.runtime.catalog,
        database: this.runtime.databases.curated,
        threads: 2,
      });
    return this.executorInstance;
  }

  /** A DuckDB for the lake's own files (quarantine and raw zone reads); the API only reads with it. */
  duckdb(): Promise<DuckDb> {
    this.duckdbInstance ??= DuckDb.open({ threads: 2 });
    return this.duckdbInstance;
  }

  async close(): Promise<void> {
    if (this.executorInstance instanceof DuckDbExecutor) await this.executorInstance.close();
    const duckdb = await this.duckdbInstance?.catch(() => undefined);
    duckdb?.close();
  }
}
