import { createTable, HudiTable } from '@autocorp/hudi';
import { type ObjectStore, curatedTableFolder } from '@autocorp/lake-storage';
import { type JobDefinition, duckdbType, hudiWriteOptions, parseHudiWriteOptions } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { localPathOf } from '../raw/store-paths';

/** Store key of a job's curated table folder: `curated/<hoodie.table.name>`. */
export function curatedTableKey(job: Pick<JobDefinition, 'hudi'>): string {
  return curatedTableFolder(job.hudi.tableName);
}

/** Opens a job's curated table; undefined when it has not been created yet. */
export async function openCuratedTable(store: ObjectStore, job: JobDefinition): Promise<HudiTable | undefined> {
  const base = localPathOf(store, curatedTableKey(job));
  const properties = store.localPath(`${curatedTableKey(job)}/.hoodie/hoodie.properties`);
  if (properties === undefined) return undefined;
  const { existsSync } = await import('node:fs');
  if (!existsSync(properties)) return undefined;
  return HudiTable.open(base);
}

/**
 * Opens the job's table, creating it from the job's Hudi write options (the same options the
 * Glue script passes to Spark) when it does not exist.
 */
export async function openOrCreateCuratedTable(store: ObjectStore, job: JobDefinition): Promise<HudiTable> {
  const existing = await openCuratedTable(store, job);
  if (existing) return existing;
  const options = parseHudiWriteOptions(hudiWriteOptions(job));
  return createTable({
    basePath: localPathOf(store, curatedTableKey(job)),
    tableName: options.tableName,
    recordKeyFields: options.recordKeyFields,
    precombineField: options.precombineField,
    partitionFields: options.partitionFields,
    hiveStylePartitioning: options.hiveStylePartitioning,
    urlEncodePartitioning: options.urlEncodePartitioning,
    columns: job.columns.map((c) => ({ name: c.name, type: duckdbType(c.type) })),
  });
}

/** The latest completed write instant of a job's table (undefined when none). */
export async function latestInstant(store: ObjectStore, job: JobDefinition): Promise<string | undefined> {
  const table = await openCuratedTable(store, job);
  return table?.commits().at(-1);
}

/**
 * Defines `view` as the snapshot of a job's curated table with the job's columns (typed empty
 * when the table does not exist yet), or the table as of instant `asOf`. A view over the snapshot's
 * base files, read where it is used.
 */
export async function defineCuratedView(
  db: EtlDuckDb,
  store: ObjectStore,
  job: JobDefinition,
  view: string,
  asOf?: string,
): Promise<void> {
  const table = await openCuratedTable(store, job);
  const columns = job.columns
    .map((c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  if (!table || table.commits().length === 0) {
    const empty = job.columns
      .map((c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`)
      .join(', ');
    await db.run(`CREATE OR REPLACE TEMP TABLE ${view} AS SELECT ${empty} WHERE false`);
    return;
  }
  const snapshot = await table.sql(asOf === undefined ? { type: 'snapshot' } : { type: 'asOf', asOf });
  await db.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT ${columns} FROM (${snapshot}) s`);
}
