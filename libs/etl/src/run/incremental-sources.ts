import type { ObjectStore } from '@autocorp/lake-storage';
import {
  AFFECTED_UNITS_VIEW,
  DELETED_KEYS_METADATA_KEY,
  type JobDefinition,
  changedKeysViewName,
  duckdbType,
  fullSourceViewName,
  renderAffectedUnitsSelect,
  renderRestrictedSourceSelect,
  renderStaleRowsSelect,
} from '@autocorp/etl-jobs';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import { defineCuratedView } from '../curated/curated-table';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { type SourceChanges, recordKeyJsonStructure } from './incremental-refresh';

/**
 * Defines the sources of an incremental run: each source's whole snapshot (`<view>_all`), its changed
 * record keys (the Hudi incremental query's keys in the range plus the keys its delete commits
 * recorded), the affected units, and the source views the transform reads, restricted to those units.
 * Returns the number of affected units.
 */
export async function defineIncrementalSources(
  db: EtlDuckDb,
  store: ObjectStore,
  job: JobDefinition,
  changes: readonly SourceChanges[],
): Promise<number> {
  for (const source of changes) {
    await defineCuratedView(db, store, source.job, fullSourceViewName(source.view));
    const keys = source.job.hudi.recordKeyFields;
    const typed = keys
      .map((name) => {
        const column = source.job.columns.find((c) => c.name === name);
        return `CAST(${quoteIdentifier(name)} AS ${column ? duckdbType(column.type) : 'VARCHAR'}) AS ${quoteIdentifier(name)}`;
      })
      .join(', ');
    const parts: string[] = [];
    if (source.table) {
      const written = await source.table.sql(
        { type: 'incremental', begin: source.begin, end: source.end },
        { columns: [...keys] },
      );
      parts.push(`SELECT ${typed} FROM (${written}) w`);
    }
    const structure = quoteLiteral(recordKeyJsonStructure(source.job));
    for (const json of source.deletedKeys) {
      parts.push(
        `SELECT ${typed} FROM (SELECT unnest(from_json(${quoteLiteral(json)}, ${structure}), recursive := true)) d`,
      );
    }
    if (parts.length === 0) parts.push(`SELECT ${typed} FROM ${fullSourceViewName(source.view)} WHERE false`);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${changedKeysViewName(source.view)} AS ${parts.join(' UNION ALL ')}`);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${AFFECTED_UNITS_VIEW} AS ${renderAffectedUnitsSelect(job)}`);
  for (const source of changes) {
    await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderRestrictedSourceSelect(job, source.view)}`);
  }
  return db.count(`SELECT count(*) FROM ${AFFECTED_UNITS_VIEW}`);
}

/** Adds to `deletes` the rows of the job's table (`current`) in the affected units that `upserts` does not replace. */
export async function addStaleRowDeletes(
  db: EtlDuckDb,
  job: JobDefinition,
  tables: { readonly current: string; readonly upserts: string; readonly deletes: string },
): Promise<void> {
  const typed = job.columns
    .map((c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  await db.run(
    `INSERT INTO ${tables.deletes} SELECT ${typed} FROM (${renderStaleRowsSelect(job, tables.current, tables.upserts)}) s`,
  );
}

/**
 * The commit `extraMetadata` of a delete write: the deleted record keys (JSON array of key objects), so
 * that the incremental runs of the jobs reading this table find them (an incremental read cannot).
 */
export async function deletedKeysMetadata(
  db: EtlDuckDb,
  job: JobDefinition,
  deletes: string,
): Promise<Record<string, string>> {
  const fields = job.hudi.recordKeyFields.map((k) => `${quoteIdentifier(k)} := ${quoteIdentifier(k)}`).join(', ');
  const [row] = await db.rows(`SELECT CAST(to_json(list(struct_pack(${fields}))) AS VARCHAR) AS keys FROM ${deletes}`);
  return { [DELETED_KEYS_METADATA_KEY]: String(row?.['keys'] ?? '[]') };
}
