import { queryCount, quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb';
import { type DatabaseSource, JOBS, changesViewName, renderLatestChangeSelect } from '@autocorp/etl-jobs';
import { rawDatabasePrefix } from '@autocorp/lake-storage';
import pg from 'pg';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';
import { listZoneTables } from './table-handlers';

/** One database source per source table the ETL reads as changes (its primary key and columns). */
function databaseSources(): DatabaseSource[] {
  const byTable = new Map<string, DatabaseSource>();
  for (const job of JOBS)
    for (const source of job.sources)
      if (source.kind === 'database' && source.read === 'changes' && !byTable.has(source.table))
        byTable.set(source.table, source);
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** Exact PostgreSQL row counts of `tables`; a note instead when the source cannot be asked. */
async function sourceCounts(context: ApiContext, tables: readonly string[]): Promise<Map<string, number> | string> {
  const connection = context.runtime.sourceConnection;
  if (!connection) return 'source database not connected (autocorp serve without DATABASE_URL)';
  const client = new pg.Client({ ...connection, application_name: 'autocorp-api' });
  try {
    await client.connect();
    const counts = new Map<string, number>();
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM public.${quoteIdentifier(table)}`,
      );
      counts.set(table, Number(rows[0]?.n ?? 0));
    }
    return counts;
  } catch (error) {
    return `source database cannot be asked: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Rows of a database table in the raw zone as the ETL reads them: the latest change per key, deletes gone. */
async function rawCount(context: ApiContext, source: DatabaseSource): Promise<number | string> {
  const { store } = context.runtime;
  const files: string[] = [];
  for await (const info of store.list(rawDatabasePrefix(source.table))) {
    if (!info.key.endsWith('.parquet')) continue;
    const local = store.localPath(info.key);
    if (local === undefined) return `raw zone is remote (${store.uri}): counted locally only`;
    files.push(local);
  }
  if (files.length === 0) return `no raw files for ${source.table} yet`;
  const db = await context.duckdb();
  return db.withConnection(async (connection) => {
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW ${changesViewName(source)} AS SELECT *, filename AS _source_file FROM read_parquet(${quoteList(files)}, filename = true, union_by_name = true)`,
    );
    return queryCount(connection, `SELECT count(*) FROM (${renderLatestChangeSelect(source)}) WHERE _op <> 'D'`);
  });
}

/** Rows of each curated table, in one query (the executor builds the tables' views once). */
async function curatedCounts(context: ApiContext, tables: readonly string[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const sql = tables
    .map((t) => `SELECT ${quoteLiteral(t)} AS t, count(*) AS n FROM ${quoteIdentifier(t)}`)
    .join(' UNION ALL ');
  const result = await context.executor().execute(sql);
  return new Map(result.rows.map((row) => [String(row['t']), Number(row['n'])]));
}

/** Row counts per table: PostgreSQL vs the raw zone (latest change per key) vs the curated table of the same name. */
export function tableCountsHandler(context: ApiContext): Pick<RouteHandlers, 'tableCounts'> {
  return {
    tableCounts: async () => {
      const sources = databaseSources();
      const source = await sourceCounts(
        context,
        sources.map((s) => s.table),
      );
      const curatedTables = await listZoneTables(context, 'curated');
      const curated = await curatedCounts(
        context,
        curatedTables.map((t) => t.name),
      );
      const names = [...new Set([...sources.map((s) => s.table), ...curatedTables.map((t) => t.name)])].sort();
      const tables = [];
      for (const name of names) {
        const notes: string[] = [];
        const databaseSource = sources.find((s) => s.table === name);
        let sourceRows: number | null = null;
        let rawRows: number | null = null;
        if (databaseSource) {
          if (typeof source === 'string') notes.push(source);
          else sourceRows = source.get(name) ?? null;
          const raw = await rawCount(context, databaseSource);
          if (typeof raw === 'string') notes.push(raw);
          else rawRows = raw;
        } else notes.push(`${name} is not a source database table (it is built by the ETL)`);
        const curatedRows = curated.get(name) ?? null;
        if (curatedRows === null) notes.push(`no curated table ${name}`);
        tables.push({ table: name, source: sourceRows, raw: rawRows, curated: curatedRows, notes });
      }
      return { tables };
    },
  };
}
