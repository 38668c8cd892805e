import { fileURLToPath } from 'node:url';
import type { CatalogTable } from '@autocorp/catalog';
import { sql } from '@autocorp/duckdb/sql';
import { type HudiTable, type ReadQuery, parseInstantTime, toInstantTime } from '@autocorp/hudi';
import { QueryError } from '../../query-error';
import type { ExecuteOptions } from '../executor';
import type { HudiTableCache } from './hudi-table-cache';

export interface TableView {
  readonly name: string;
  /** DuckDB SQL producing the table's rows. */
  readonly sql: string;
  /** Local folder the view reads (for DuckDB's allowed_directories). */
  readonly folder: string;
  readonly files: number;
  readonly bytes: number;
}

/** The local folder of a catalog table; QueryError `execution-failed` for a table on S3. */
export function localFolder(table: CatalogTable): string {
  if (!table.location.startsWith('file:')) {
    throw new QueryError(
      'execution-failed',
      `Table "${table.name}" lives at ${table.location}, which the local DuckDB executor cannot read. Query it with the Athena executor (profile aws).`,
    );
  }
  return fileURLToPath(table.location).replace(/\/+$/, '');
}

/** Which Hudi read the options ask for: snapshot, as-of, or incremental. */
export function hudiReadQuery(options: ExecuteOptions): ReadQuery {
  if (options.since !== undefined) {
    return options.until !== undefined
      ? { type: 'incremental', begin: options.since, end: options.until }
      : { type: 'incremental', begin: options.since };
  }
  if (options.until !== undefined) {
    throw new QueryError(
      'invalid-parameter',
      '`until` only applies to incremental reads; give `since` too (or use `asOf` for time travel).',
    );
  }
  return options.asOf !== undefined ? { type: 'asOf', asOf: options.asOf } : { type: 'snapshot' };
}

/** An instant as `20240418173550988 (2024-04-18T17:35:50.988Z)`. */
function describeInstant(instant: string, hudi: HudiTable): string {
  return `${instant} (${parseInstantTime(instant, hudi.config.timelineTimezone).toISOString()})`;
}

/**
 * Time travel needs a commit at or before the instant: before the table's first commit there is
 * no table to read (not an empty one), so QueryError `no-commit-as-of` names the earliest commit.
 */
export function requireCommitAsOf(tableName: string, hudi: HudiTable, asOf: string | Date): void {
  const instant = toInstantTime(asOf, hudi.config.timelineTimezone);
  const first = hudi.timeline.completedWrites()[0]?.timestamp;
  if (first !== undefined && first <= instant) return;
  const earliest =
    first === undefined ? 'it has no completed commit yet' : `its earliest commit is ${describeInstant(first, hudi)}`;
  throw new QueryError(
    'no-commit-as-of',
    `Table "${tableName}" has no commit at or before ${describeInstant(instant, hudi)}: ${earliest}. Pick an instant from "autocorp history ${tableName}" (or drop --as-of to read the latest).`,
  );
}

/**
 * Hudi stores `timestamp` columns as UTC instants (Parquet TIMESTAMP isAdjustedToUTC, which DuckDB
 * reads as TIMESTAMPTZ); the view gives them back as the TIMESTAMP they were written from (the UTC
 * wall clock), as Glue and Athena type them. `make_timestamp(epoch_us(x))` is that exact conversion
 * without the time zone calendar a TIMESTAMPTZ cast or date_trunc goes through on every row.
 */
export function withNaiveTimestamps(select: string, columns: readonly string[]): string {
  if (columns.length === 0) return select;
  const replaced = sql.join(columns.map((c) => sql`make_timestamp(epoch_us(${sql.id(c)})) AS ${sql.id(c)}`));
  return sql`SELECT * REPLACE (${replaced}) FROM (${sql.raw(select)})`.text;
}

/**
 * The view of one catalog table for this query: a Hudi table's base files as of the requested
 * instant (`read_parquet([...])` from libs/hudi; the cache lists the table again whenever its
 * timeline changed, so new commits are seen), or the raw zone's Parquet / CSV files.
 * `storedInstantFilter` may give a condition on the stored instants of the table's timestamp
 * columns (time-range-pushdown.ts), applied before they are converted so the scan can skip files.
 */
export async function buildTableView(
  table: CatalogTable,
  options: ExecuteOptions,
  hudiTables: HudiTableCache,
  storedInstantFilter?: (timestampColumns: readonly string[]) => string | undefined,
): Promise<TableView> {
  const folder = localFolder(table);
  if (table.format === 'hudi') {
    const hudi = await hudiTables.open(folder);
    const query = hudiReadQuery(options);
    if (query.type === 'asOf') requireCommitAsOf(table.name, hudi, query.asOf);
    const plan = await hudi.plan(query);
    const timestamps = (await hudi.schema()).fields
      .filter((f) => f.duckdbType === 'TIMESTAMP WITH TIME ZONE')
      .map((f) => f.name);
    const where = storedInstantFilter?.(timestamps);
    return {
      name: table.name,
      sql: withNaiveTimestamps(await hudi.sql(query, where ? { where } : {}), timestamps),
      folder,
      files: plan.files.length,
      bytes: plan.files.reduce((n, f) => n + f.size, 0),
    };
  }
  if (table.format === 'parquet') {
    return {
      name: table.name,
      sql: sql`SELECT * FROM read_parquet(${`${folder}/*.parquet`}, union_by_name = true)`.text,
      folder,
      files: 0,
      bytes: 0,
    };
  }
  return {
    name: table.name,
    sql: sql`SELECT * FROM read_csv(${`${folder}/*/*.csv`}, hive_partitioning = true, union_by_name = true, header = true)`
      .text,
    folder,
    files: 0,
    bytes: 0,
  };
}
