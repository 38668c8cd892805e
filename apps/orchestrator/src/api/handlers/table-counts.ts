import type { CatalogTable } from '@autocorp/catalog';
import { queryCount, quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb';
import { type DatabaseSource, JOBS, changesViewName, renderLatestChangeSelect } from '@autocorp/etl-jobs';
import { rawDatabasePrefix } from '@autocorp/lake-storage';
import pg from 'pg';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';
import { latestCompletedInstant, listZoneTables } from './table-handlers';

/** Connections used at most to count the source tables of one request in parallel. */
const SOURCE_CONNECTIONS = 3;

/** One database source per source table the ETL reads as changes (its primary key and columns). */
function databaseSources(): DatabaseSource[] {
  const byTable = new Map<string, DatabaseSource>();
  for (const job of JOBS)
    for (const source of job.sources)
      if (source.kind === 'database' && source.read === 'changes' && !byTable.has(source.table))
        byTable.set(source.table, source);
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** Exact PostgreSQL row counts of `tables` (kept while CDC runs, see TableCountsCache); a note instead when the source cannot be asked. */
async function sourceCounts(context: ApiContext, tables: readonly string[]): Promise<Map<string, number> | string> {
  const connection = context.runtime.sourceConnection;
  if (!connection) return 'source database not connected (autocorp serve without DATABASE_URL)';
  const cdcRunning = context.runtime.status().components.some((c) => c.name === 'cdc' && c.health === 'ok');
  let pool: pg.Pool | undefined;
  const count = async (table: string) => {
    pool ??= new pg.Pool({ ...connection, application_name: 'autocorp-api', max: SOURCE_CONNECTIONS });
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM public.${quoteIdentifier(table)}`,
    );
    return Number(rows[0]?.n ?? 0);
  };
  try {
    const counts = await Promise.all(
      tables.map(async (t) => [t, await context.tableCounts.source(t, cdcRunning, () => count(t))] as const),
    );
    return new Map(counts);
  } catch (error) {
    return `source database cannot be asked: ${(error as Error).message}`;
  } finally {
    await pool?.end().catch(() => undefined);
  }
}

/** The local raw files of a database table, or a note why there are none to count. */
async function rawFiles(context: ApiContext, source: DatabaseSource): Promise<string[] | string> {
  const { store } = context.runtime;
  const files: string[] = [];
  for await (const info of store.list(rawDatabasePrefix(source.table))) {
    if (!info.key.endsWith('.parquet')) continue;
    const local = store.localPath(info.key);
    if (local === undefined) return `raw zone is remote (${store.uri}): counted locally only`;
    files.push(local);
  }
  return files.length === 0 ? `no raw files for ${source.table} yet` : files.sort();
}

/** Rows of a database table in the raw zone as the ETL reads them: the latest change per key, deletes gone. Kept per raw file set. */
async function rawCount(context: ApiContext, source: DatabaseSource): Promise<number | string> {
  const files = await rawFiles(context, source);
  if (typeof files === 'string') return files;
  return context.tableCounts.raw.get(source.table, files.join('\n'), async () => {
    const db = await context.duckdb();
    return db.withConnection(async (connection) => {
      await connection.run(
        `CREATE OR REPLACE TEMP VIEW ${changesViewName(source)} AS SELECT *, filename AS _source_file FROM read_parquet(${quoteList(files)}, filename = true, union_by_name = true)`,
      );
      return queryCount(connection, `SELECT count(*) FROM (${renderLatestChangeSelect(source)}) WHERE _op <> 'D'`);
    });
  });
}

/** Counts `tables` in one query (the executor builds the tables' views once). */
async function countCurated(context: ApiContext, tables: readonly string[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const sql = tables
    .map((t) => `SELECT ${quoteLiteral(t)} AS t, count(*) AS n FROM ${quoteIdentifier(t)}`)
    .join(' UNION ALL ');
  const result = await context.executor().execute(sql);
  return new Map(result.rows.map((row) => [String(row['t']), Number(row['n'])]));
}

/** Rows of each curated table, kept per table until its catalog version or latest Hudi commit changes; the changed ones counted together. */
async function curatedCounts(
  context: ApiContext,
  tables: readonly CatalogTable[],
): Promise<Map<string, number | null>> {
  const keys = await Promise.all(
    tables.map(async (t) => `${t.versionId}@${(await latestCompletedInstant(context, t)) ?? 'none'}`),
  );
  const cache = context.tableCounts.curated;
  const stale = tables.filter((t, i) => !cache.has(t.name, keys[i] as string)).map((t) => t.name);
  const counted = stale.length > 0 ? countCurated(context, stale) : undefined;
  const counts = tables.map((t, i) =>
    cache.get(
      t.name,
      keys[i] as string,
      async () => (await (counted as Promise<Map<string, number>>)).get(t.name) ?? null,
    ),
  );
  const values = await Promise.all(counts);
  return new Map(tables.map((t, i) => [t.name, values[i] ?? null]));
}

/** Row counts per table: PostgreSQL vs the raw zone (latest change per key) vs the curated table of the same name. */
export function tableCountsHandler(context: ApiContext): Pick<RouteHandlers, 'tableCounts'> {
  return {
    tableCounts: async () => {
      const sources = databaseSources();
      const curatedTables = await listZoneTables(context, 'curated');
      const [source, raw, curated] = await Promise.all([
        sourceCounts(
          context,
          sources.map((s) => s.table),
        ),
        Promise.all(sources.map((s) => rawCount(context, s))),
        curatedCounts(context, curatedTables),
      ]);
      const names = [...new Set([...sources.map((s) => s.table), ...curatedTables.map((t) => t.name)])].sort();
      const tables = names.map((name) => {
        const notes: string[] = [];
        const index = sources.findIndex((s) => s.table === name);
        let sourceRows: number | null = null;
        let rawRows: number | null = null;
        if (index >= 0) {
          if (typeof source === 'string') notes.push(source);
          else sourceRows = source.get(name) ?? null;
          const rawCounted = raw[index];
          if (typeof rawCounted === 'string') notes.push(rawCounted);
          else rawRows = rawCounted ?? null;
        } else notes.push(`${name} is not a source database table (it is built by the ETL)`);
        const curatedRows = curated.get(name) ?? null;
        if (curatedRows === null) notes.push(`no curated table ${name}`);
        return { table: name, source: sourceRows, raw: rawRows, curated: curatedRows, notes };
      });
      return { tables };
    },
  };
}
