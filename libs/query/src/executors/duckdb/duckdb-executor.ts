import { fileURLToPath } from 'node:url';
import { type Catalog, type CatalogTable, DEFAULT_DATABASES } from '@autocorp/catalog';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import type { DuckDBConnection } from '@duckdb/node-api';
import { checkValue } from '../../builder/expression-builder';
import type { SqlValue } from '../../builder/ast';
import type { CompiledQuery } from '../../dialects/dialect';
import { DUCKDB_DIALECT } from '../../dialects/duckdb/duckdb-dialect';
import { compileQuery } from '../../dialects/render';
import { type Json, checkAndParseReadOnlySql } from '../../guard/read-only-guard';
import { QueryError } from '../../query-error';
import { cancelledError, throwIfAborted } from '../abort';
import type { ExecutableQuery, ExecuteOptions, QueryExecutor, QueryResult } from '../executor';
import { normalizeType, normalizeValue } from '../normalize-value';
import { HudiTableCache } from './hudi-table-cache';
import { SandboxedInstance } from './sandboxed-instance';
import { type TableView, buildTableView } from './table-views';
import { parseStatement, storedInstantCondition, timestampBounds } from './time-range-pushdown';

export interface DuckDbExecutorOptions {
  readonly catalog: Catalog;
  /** Catalog database whose tables queries see; default `autocorp_curated`. */
  readonly database?: string;
  /** DuckDB worker threads; default 2. */
  readonly threads?: number;
}

/** Local folders of the catalog tables (tables elsewhere are refused when a query reads them). */
function localFolders(tables: readonly CatalogTable[]): string[] {
  return tables.filter((t) => t.location.startsWith('file:')).map((t) => fileURLToPath(t.location).replace(/\/+$/, ''));
}

/**
 * Runs queries with DuckDB over the lake's local files. One in-memory DuckDB per executor, able to
 * read only the folders of the catalog database's tables (`enable_external_access=false`,
 * `allowed_directories`, configuration locked; replaced when the catalog's tables move or change).
 * Each query runs on its own connection with temporary views built from the catalog and the Hudi
 * timeline at that moment (so new commits are seen, and `asOf` / `since` pick older or
 * incremental file sets); open Hudi tables are kept until their timeline changes.
 */
export class DuckDbExecutor implements QueryExecutor {
  readonly dialect = 'duckdb' as const;
  private readonly catalog: Catalog;
  readonly database: string;
  private readonly threads: number;
  private readonly hudiTables = new HudiTableCache();
  private instance: Promise<SandboxedInstance> | undefined;
  private instanceKey: string | undefined;
  private closed = false;

  constructor(options: DuckDbExecutorOptions) {
    this.catalog = options.catalog;
    this.database = options.database ?? DEFAULT_DATABASES.curated;
    this.threads = options.threads ?? 2;
  }

  /** The shared instance for these folders: the current one, or a new one when the folders changed. */
  private sandbox(folders: readonly string[]): Promise<SandboxedInstance> {
    const key = SandboxedInstance.keyOf(folders);
    if (this.instance && this.instanceKey === key) return this.instance;
    const previous = this.instance;
    this.instanceKey = key;
    this.instance = SandboxedInstance.create(folders, this.threads);
    this.instance.catch(() => {
      if (this.instanceKey === key) this.instance = this.instanceKey = undefined;
    });
    previous?.then((old) => old.retire()).catch(() => undefined);
    return this.instance;
  }

  async execute(
    query: ExecutableQuery,
    params: readonly unknown[] = [],
    options: ExecuteOptions = {},
  ): Promise<QueryResult> {
    const started = performance.now();
    if (this.closed)
      throw new QueryError(
        'execution-failed',
        'This DuckDB executor was closed; create a new one to run more queries.',
      );
    throwIfAborted(options.signal, 'The query');
    const tables = await this.catalog.listTables(this.database);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const { connection, release } = await (await this.sandbox(localFolders(tables))).acquire();
    const onAbort = () => connection.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const prepared = await this.prepare(connection, query, params, [...byName.keys()]);
      const { sql, parameters, tableNames } = prepared;
      const statement = prepared.statement ?? (await parseStatement(connection, sql));
      const views: TableView[] = [];
      for (const name of tableNames) {
        const table = byName.get(name);
        if (!table)
          throw new QueryError(
            'unknown-table',
            `Table "${name}" is not in catalog database "${this.database}". Run \`autocorp crawl\` or check \`autocorp tables\`.`,
          );
        views.push(
          await buildTableView(table, options, this.hudiTables, (columns) =>
            statement === undefined
              ? undefined
              : storedInstantCondition(timestampBounds(statement, name, columns, parameters)),
          ),
        );
      }
      throwIfAborted(options.signal, 'The query');
      for (const view of views) await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(view.name)} AS ${view.sql}`);
      let reader;
      try {
        const pending = await connection.start(sql, parameters as never);
        options.onStarted?.({});
        reader = await pending.readAll();
      } catch (error) {
        if (options.signal?.aborted) throw cancelledError('The query', error);
        throw new QueryError('execution-failed', `DuckDB could not run the query: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => normalizeType(t.toString()));
      const rows = reader.getRowObjectsJson().map((row) => {
        const out: Record<string, string | number | boolean | null> = {};
        names.forEach((name, i) => (out[name] = normalizeValue(types[i] ?? 'varchar', row[name])));
        return out;
      });
      return {
        columns: names.map((name, i) => ({ name, type: types[i] ?? 'varchar' })),
        rows,
        stats: {
          elapsedMs: performance.now() - started,
          bytesScanned: views.reduce((n, v) => n + v.bytes, 0),
          filesScanned: views.reduce((n, v) => n + v.files, 0),
        },
      };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      release();
    }
  }

  private async prepare(
    connection: DuckDBConnection,
    query: ExecutableQuery,
    params: readonly unknown[],
    known: string[],
  ): Promise<{ sql: string; parameters: unknown[]; tableNames: string[]; statement?: Json }> {
    if (typeof query === 'string') {
      const checked = await checkAndParseReadOnlySql(connection, query, { allowedTables: known });
      const parameters = params.map((p) => {
        const v = checkValue(p as SqlValue);
        return v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v;
      });
      return { sql: query, parameters, tableNames: checked.tables, statement: checked.statement };
    }
    if (params.length > 0)
      throw new QueryError(
        'invalid-query',
        'Parameters are given with a built query; built queries carry their own values.',
      );
    const compiled: CompiledQuery = 'toNode' in query ? compileQuery(query, DUCKDB_DIALECT) : query;
    if (compiled.dialect !== 'duckdb') {
      throw new QueryError(
        'invalid-query',
        `The query was compiled for ${compiled.dialect}; the local executor runs DuckDB SQL. Compile it with toDuckDbSql().`,
      );
    }
    return { sql: compiled.sql, parameters: [...compiled.parameters], tableNames: [...(compiled.tables ?? known)] };
  }

  /** Closes the DuckDB instance (after running queries finish); later calls to execute are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const instance = this.instance;
    this.instance = this.instanceKey = undefined;
    this.hudiTables.clear();
    if (instance) (await instance.catch(() => undefined))?.retire();
  }
}
