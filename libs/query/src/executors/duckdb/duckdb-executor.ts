import { type Catalog, DEFAULT_DATABASES } from '@autocorp/catalog';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { checkValue } from '../../builder/expression-builder';
import type { SqlValue } from '../../builder/ast';
import type { CompiledQuery } from '../../dialects/dialect';
import { DUCKDB_DIALECT } from '../../dialects/duckdb/duckdb-dialect';
import { compileQuery } from '../../dialects/render';
import { checkReadOnlySql } from '../../guard/read-only-guard';
import { QueryError } from '../../query-error';
import { cancelledError, throwIfAborted } from '../abort';
import type { ExecutableQuery, ExecuteOptions, QueryExecutor, QueryResult } from '../executor';
import { normalizeType, normalizeValue } from '../normalize-value';
import { type TableView, buildTableView } from './table-views';

export interface DuckDbExecutorOptions {
  readonly catalog: Catalog;
  /** Catalog database whose tables queries see; default `autocorp_curated`. */
  readonly database?: string;
  /** DuckDB worker threads per query; default 2. */
  readonly threads?: number;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Runs queries with DuckDB over the lake's local files. Each query gets a fresh in-memory DuckDB
 * whose views are built from the catalog and the Hudi timeline at that moment (so new commits are
 * seen, and `asOf` / `since` pick older or incremental file sets), restricted to the tables' folders
 * (`enable_external_access=false`, `allowed_directories`, configuration locked).
 */
export class DuckDbExecutor implements QueryExecutor {
  readonly dialect = 'duckdb' as const;
  private readonly catalog: Catalog;
  readonly database: string;
  private readonly threads: number;

  constructor(options: DuckDbExecutorOptions) {
    this.catalog = options.catalog;
    this.database = options.database ?? DEFAULT_DATABASES.curated;
    this.threads = options.threads ?? 2;
  }

  async execute(query: ExecutableQuery, params: readonly unknown[] = [], options: ExecuteOptions = {}): Promise<QueryResult> {
    const started = performance.now();
    throwIfAborted(options.signal, 'The query');
    const tables = await this.catalog.listTables(this.database);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const instance = await DuckDBInstance.create(':memory:', { threads: String(this.threads) });
    const connection = await instance.connect();
    const onAbort = () => connection.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await connection.run("SET TimeZone = 'UTC'");
      const { sql, parameters, tableNames } = await this.prepare(connection, query, params, [...byName.keys()]);
      const views: TableView[] = [];
      for (const name of tableNames) {
        const table = byName.get(name);
        if (!table) throw new QueryError('unknown-table', `Table "${name}" is not in catalog database "${this.database}". Run \`autocorp crawl\` or check \`autocorp tables\`.`);
        views.push(await buildTableView(table, options));
      }
      throwIfAborted(options.signal, 'The query');
      const folders = [...new Set(views.map((v) => v.folder))];
      await connection.run(`SET allowed_directories = [${folders.map((f) => `'${f.replace(/'/g, "''")}/'`).join(', ')}]`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      for (const view of views) await connection.run(`CREATE TEMP VIEW ${quoteIdent(view.name)} AS ${view.sql}`);
      let reader;
      try {
        reader = await connection.runAndReadAll(sql, parameters as never);
      } catch (error) {
        if (options.signal?.aborted) throw cancelledError('The query', error);
        throw new QueryError('execution-failed', `DuckDB could not run the query: ${(error as Error).message}`, { cause: error });
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
      connection.closeSync();
      instance.closeSync();
    }
  }

  private async prepare(
    connection: DuckDBConnection,
    query: ExecutableQuery,
    params: readonly unknown[],
    known: string[],
  ): Promise<{ sql: string; parameters: unknown[]; tableNames: string[] }> {
    if (typeof query === 'string') {
      const checked = await checkReadOnlySql(connection, query, { allowedTables: known });
      const parameters = params.map((p) => {
        const v = checkValue(p as SqlValue);
        return v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v;
      });
      return { sql: query, parameters, tableNames: checked.tables };
    }
    if (params.length > 0) throw new QueryError('invalid-query', 'Parameters are given with a built query; built queries carry their own values.');
    const compiled: CompiledQuery = 'toNode' in query ? compileQuery(query, DUCKDB_DIALECT) : query;
    if (compiled.dialect !== 'duckdb') {
      throw new QueryError('invalid-query', `The query was compiled for ${compiled.dialect}; the local executor runs DuckDB SQL. Compile it with toDuckDbSql().`);
    }
    return { sql: compiled.sql, parameters: [...compiled.parameters], tableNames: [...(compiled.tables ?? known)] };
  }

  async close(): Promise<void> {}
}
