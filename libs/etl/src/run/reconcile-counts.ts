import { type JobDefinition, changesViewName } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { csvRecordCount } from '../raw/csv-file-map';
import type { CsvScan } from '../raw/load-csv-source';

/** Rows read from the raw files of the batch, counted apart from the transform. */
export interface RawInputCounts {
  /**
   * Change rows of the database sources read as changes (a TRUNCATE counted as the deletes it becomes)
   * plus the CSV records (rejected lines included).
   */
  readonly rows: number;
  /** Older changes of a key that its latest change replaces. */
  readonly replacedChanges: number;
}

/**
 * Counts the raw input on its own: each database source's loaded change rows and the rows of its
 * latest-change view, and the records of each CSV file as its file map counted them (csv-file-map: our
 * own pass over the bytes, not DuckDB's parse, so the CSV files are not read a second time for it).
 */
export async function countRawInputs(
  db: EtlDuckDb,
  job: JobDefinition,
  csvScans: readonly CsvScan[],
): Promise<RawInputCounts> {
  let rows = 0;
  let replacedChanges = 0;
  for (const source of job.sources) {
    if (source.kind !== 'database' || source.read !== 'changes') continue;
    const changes = await db.count(`SELECT count(*) FROM ${changesViewName(source)}`);
    rows += changes;
    replacedChanges += changes - (await db.count(`SELECT count(*) FROM ${source.view}`));
  }
  for (const scan of csvScans) for (const map of await scan.maps) rows += csvRecordCount(map);
  return { rows, replacedChanges };
}

export interface ReconcileTables {
  readonly batch: string;
  readonly failed: string;
  /** The winning versions of the upserts (buildWinningVersions: one row per key, `_versions` its rows). */
  readonly winners: string;
  readonly upserts: string;
  readonly deletes: string;
}

/** The counts the `reconciles` rule compares, each from its own table. */
export interface ReconcileCounts {
  readonly readRows: number;
  readonly writtenRows: number;
  readonly quarantinedRows: number;
  /** Older changes replaced in the source, plus versions of a key in the batch that are not its latest. */
  readonly duplicateRows: number;
  /** The source database's row count of the table (when the runner was given the source). */
  readonly sourceRows?: number;
  /** Curated rows from the source database once this batch is written. */
  readonly curatedSourceRows?: number;
}

/** Rows handed to Hudi, quarantined and dropped as versions, counted from the tables that hold them. */
export async function countBatchOutcome(
  db: EtlDuckDb,
  job: JobDefinition,
  tables: ReconcileTables,
  input: RawInputCounts,
): Promise<ReconcileCounts> {
  const keys = job.hudi.recordKeyFields.map(quoteIdentifier).join(', ');
  // Upserts: the rows that passed less their keys, from the aggregation that picked the winners.
  let versions = await db.count(`SELECT CAST(COALESCE(sum(_versions), 0) - count(*) AS BIGINT) FROM ${tables.winners}`);
  const deletes = `(SELECT * FROM ${tables.batch} b ANTI JOIN ${tables.failed} x ON x._row_id = b.rowid WHERE b._op = 'D')`;
  versions +=
    (await db.count(`SELECT count(*) FROM ${deletes} p`)) -
    (await db.count(`SELECT count(*) FROM (SELECT 1 FROM ${deletes} p GROUP BY ${keys}) k`));
  return {
    readRows: input.rows,
    writtenRows:
      (await db.count(`SELECT count(*) FROM ${tables.upserts}`)) +
      (await db.count(`SELECT count(*) FROM ${tables.deletes}`)),
    quarantinedRows: await db.count(`SELECT count(*) FROM ${tables.failed}`),
    duplicateRows: input.replacedChanges + versions,
  };
}

/** The column that tells a curated row's source system, when a job mixes sources, and its value for PostgreSQL rows. */
const SOURCE_SYSTEM_COLUMN = 'source_system';
const POSTGRES_SOURCE_SYSTEM = 'postgres';

/** The one source table a job reads as changes (the table the PostgreSQL count is taken of), if exactly one. */
export function changesSourceTable(job: JobDefinition): string | undefined {
  const tables = job.sources.flatMap((s) => (s.kind === 'database' && s.read === 'changes' ? [s.table] : []));
  return tables.length === 1 ? tables[0] : undefined;
}

/**
 * Curated rows from PostgreSQL once the batch is written: the table's current rows whose key the
 * batch neither upserts nor deletes, plus the batch's upserts (only rows with source_system
 * 'postgres' when the job has that column).
 */
export async function projectedSourceRows(
  db: EtlDuckDb,
  job: JobDefinition,
  currentView: string,
  tables: ReconcileTables,
): Promise<number> {
  const keys = job.hudi.recordKeyFields.map(quoteIdentifier);
  const fromSource = job.columns.some((c) => c.name === SOURCE_SYSTEM_COLUMN)
    ? `${quoteIdentifier(SOURCE_SYSTEM_COLUMN)} = '${POSTGRES_SOURCE_SYSTEM}'`
    : 'TRUE';
  const touched = `(SELECT ${keys.join(', ')} FROM ${tables.upserts} UNION SELECT ${keys.join(', ')} FROM ${tables.deletes})`;
  const kept = await db.count(
    `SELECT count(*) FROM ${currentView} c WHERE ${fromSource} AND NOT EXISTS (SELECT 1 FROM ${touched} t WHERE ${keys.map((k) => `t.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ')})`,
  );
  return kept + (await db.count(`SELECT count(*) FROM ${tables.upserts} WHERE ${fromSource}`));
}

/** Writes the one-row counts view the dataset checks read (renderDatasetCheckDuckdb's countsView). */
export async function writeCountsView(db: EtlDuckDb, view: string, counts: ReconcileCounts): Promise<void> {
  const big = (n: number | undefined) => (n === undefined ? 'CAST(NULL AS BIGINT)' : `CAST(${n} AS BIGINT)`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${view} AS SELECT ${big(counts.readRows)} AS read_rows, ${big(counts.writtenRows)} AS written_rows, ${big(counts.quarantinedRows)} AS quarantined_rows,
       ${big(counts.duplicateRows)} AS duplicate_rows, ${big(counts.sourceRows)} AS source_rows, ${big(counts.curatedSourceRows)} AS curated_source_rows`,
  );
}
