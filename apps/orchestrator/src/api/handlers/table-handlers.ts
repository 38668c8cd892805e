import { type CatalogTable, type Column, isCatalogError } from '@autocorp/catalog';
import { quoteIdentifier } from '@autocorp/duckdb';
import { HudiError, HudiTable, parseInstantTime } from '@autocorp/hudi';
import { curatedTablePrefix } from '@autocorp/lake-storage';
import { commitHistory } from '../../commands/query/history';
import { ApiError } from '../api-error';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';
import { timeTravel } from './time-travel';

type Zone = 'raw' | 'curated';

type LatestCommit = { instant: string; time: string } | null;

function summary(table: CatalogTable, zone: Zone, latestCommit: LatestCommit = null) {
  return {
    database: table.database,
    zone,
    name: table.name,
    format: table.format,
    location: table.location,
    columns: table.columns.length,
    partitionKeys: table.partitionKeys.map((c) => c.name),
    version: Number.isFinite(Number(table.versionId)) ? Number(table.versionId) : null,
    updatedAt: table.updatedAt ?? null,
    latestCommit,
  };
}

/** The instant of a curated Hudi table's latest completed write; undefined when it has none or cannot be read. */
export async function latestCompletedInstant(context: ApiContext, table: CatalogTable): Promise<string | undefined> {
  if (table.format !== 'hudi') return undefined;
  const hudi = await openCuratedHudi(context, table.name).catch(() => undefined);
  return hudi?.timeline.completedWrites().at(-1)?.timestamp;
}

/** The latest completed commit of a curated Hudi table (its freshness); null when it has none or cannot be read. */
async function latestCommit(context: ApiContext, table: CatalogTable): Promise<LatestCommit> {
  const instant = await latestCompletedInstant(context, table);
  return instant === undefined ? null : { instant, time: parseInstantTime(instant).toISOString() };
}

const column = (c: Column) => ({ name: c.name, type: c.type, comment: c.comment ?? null });

/** The tables of a zone's catalog database; none before the first crawl created it. */
export async function listZoneTables(context: ApiContext, zone: Zone): Promise<CatalogTable[]> {
  try {
    return await context.runtime.catalog.listTables(context.runtime.databases[zone]);
  } catch (error) {
    if (isCatalogError(error, 'not-found')) return [];
    throw error;
  }
}

/** The zone of a catalog database, or a 404 naming the databases there are. */
function zoneOf(context: ApiContext, database: string): Zone {
  const { raw, curated } = context.runtime.databases;
  if (database === raw) return 'raw';
  if (database === curated) return 'curated';
  throw new ApiError(
    'not-found',
    `There is no catalog database "${database}": the zones are ${raw} and ${curated}.`,
    'params.database',
  );
}

/** The Hudi table of a curated table name, or a 404. */
export async function openCuratedHudi(context: ApiContext, name: string): Promise<HudiTable> {
  const { store } = context.runtime;
  const folder = store.localPath(curatedTablePrefix(name).replace(/\/$/, ''));
  if (folder === undefined)
    throw new ApiError('unavailable', `Hudi timelines are read from a local lake; ${store.uri} is remote.`);
  try {
    return await HudiTable.open(folder);
  } catch (error) {
    if (error instanceof HudiError && error.kind === 'not-a-table')
      throw new ApiError(
        'not-found',
        `There is no curated table "${name}": GET /api/tables lists them.`,
        'params.table',
        {
          cause: error,
        },
      );
    throw error;
  }
}

/** The catalog per zone, one table's schema and partitions, a curated table's timeline and preview. */
export function tableHandlers(context: ApiContext): Pick<RouteHandlers, 'tables' | 'table' | 'timeline' | 'preview'> {
  const { catalog, databases } = context.runtime;
  return {
    tables: async () => ({
      zones: await Promise.all(
        (['raw', 'curated'] as const).map(async (zone) => ({
          zone,
          database: databases[zone],
          tables: await Promise.all(
            (await listZoneTables(context, zone)).map(async (t) =>
              summary(t, zone, zone === 'curated' ? await latestCommit(context, t) : null),
            ),
          ),
        })),
      ),
    }),
    table: async ({ params }) => {
      const zone = zoneOf(context, params.database);
      const table = await catalog.getTable(params.database, params.table);
      if (!table)
        throw new ApiError(
          'not-found',
          `There is no table "${params.table}" in ${params.database}: GET /api/tables lists them (run "autocorp crawl" after new data).`,
          'params.table',
        );
      const partitions =
        table.partitionKeys.length > 0 ? await catalog.backend.getPartitions(params.database, params.table) : [];
      return {
        table: summary(table, zone, zone === 'curated' ? await latestCommit(context, table) : null),
        columns: table.columns.map(column),
        partitionKeys: table.partitionKeys.map(column),
        partitions: partitions.map((p) => ({ values: [...p.values], location: p.location })),
      };
    },
    timeline: async ({ params, query }) => {
      const table = await openCuratedHudi(context, params.table);
      const instants = await commitHistory(table);
      return { table: params.table, instants: instants.slice(-query.limit).reverse() };
    },
    preview: async ({ params, query, signal }) => {
      const travel = timeTravel('query', query);
      if (!(await catalog.getTable(databases.curated, params.table)))
        throw new ApiError(
          'not-found',
          `There is no curated table "${params.table}": GET /api/tables lists them.`,
          'params.table',
        );
      const result = await context
        .executor()
        .execute(`SELECT * FROM ${quoteIdentifier(params.table)} LIMIT ${query.limit}`, [], { signal, ...travel });
      return {
        table: params.table,
        asOf: travel.asOf ?? null,
        since: travel.since ?? null,
        until: travel.until ?? null,
        columns: result.columns,
        rows: result.rows,
        limit: query.limit,
      };
    },
  };
}
