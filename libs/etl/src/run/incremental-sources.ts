import type { ObjectStore } from '@autocorp/lake-storage';
import {
  AFFECTED_UNITS_VIEW,
  DELETED_KEYS_METADATA_KEY,
  type ColumnType,
  type JobDefinition,
  changedKeysViewName,
  duckdbType,
  incrementalPlanOf,
  fullSourceViewName,
  renderAffectedUnitsSelect,
  renderRestrictedSourceSelect,
  renderStaleRowsSelect,
  beforeColumnName,
  watchedColumns,
} from '@autocorp/etl-jobs';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import { defineCuratedView, openCuratedTable } from '../curated/curated-table';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { type SourceChanges, recordKeyJsonStructure } from './incremental-refresh';
import { defineAffectedRowsView, filesWithAffectedUnits } from './incremental-pruning';

/**
 * Defines the sources of an incremental run: each source's whole snapshot (`<view>_all`), its changed
 * record keys (the Hudi incremental query's keys in the range plus the keys its delete commits
 * recorded), the affected units, and the source views the transform reads, restricted to those units.
 * Returns the number of affected units, of changed keys per source view, and of files read per restricted source
 * view (`kept/total`: files whose statistics exclude every affected unit are skipped).
 */
export async function defineIncrementalSources(
  db: EtlDuckDb,
  store: ObjectStore,
  job: JobDefinition,
  changes: readonly SourceChanges[],
): Promise<{ units: number; changedKeys: Record<string, number>; filesRead: Record<string, string> }> {
  const changedKeys: Record<string, number> = {};
  for (const source of changes) {
    // The sources as of the range's end, so that the next run's `before` values are what this run read.
    await defineCuratedView(db, store, source.job, fullSourceViewName(source.view), source.end);
    await loadChangedKeys(db, job, source);
    changedKeys[source.view] = await db.count(`SELECT count(*) FROM ${changedKeysViewName(source.view)}`);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${AFFECTED_UNITS_VIEW} AS ${renderAffectedUnitsSelect(job)}`);
  const filesRead: Record<string, string> = {};
  for (const source of changes) {
    const column = incrementalPlanOf(job).restrict[source.view];
    const table = column === undefined ? undefined : (source.table ?? (await openCuratedTable(store, source.job)));
    if (column === undefined || table === undefined || table.commits().length === 0) {
      await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderRestrictedSourceSelect(job, source.view)}`);
      continue;
    }
    // The transform reads only the files of the source that may hold the affected units' rows (as of the range's end).
    const type: ColumnType = source.job.columns.find((c) => c.name === column)?.type ?? 'STRING';
    const { kept, total } = await filesWithAffectedUnits(db, table, column, type, source.end);
    const sql = await table.sql({ type: 'asOf', asOf: source.end }, { onlyFiles: kept });
    await db.run(
      `CREATE OR REPLACE TEMP VIEW ${source.view} AS SELECT ${typedColumns(
        source.job,
        source.job.columns.map((c) => c.name),
      ).join(', ')}
       FROM (${sql}) s WHERE ${quoteIdentifier(column)} IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW})`,
    );
    filesRead[source.view] = `${kept.size}/${total}`;
  }
  return { units: await db.count(`SELECT count(*) FROM ${AFFECTED_UNITS_VIEW}`), changedKeys, filesRead };
}

function typedColumns(job: JobDefinition, names: readonly string[], from = ''): string[] {
  return names.map((name) => {
    const column = job.columns.find((c) => c.name === name);
    return `CAST(${from}${quoteIdentifier(name)} AS ${column ? duckdbType(column.type) : 'VARCHAR'}) AS ${quoteIdentifier(name)}`;
  });
}

/**
 * `_changed_<view>`: the record keys written in the range (incremental query) or deleted (recorded keys),
 * with the watched columns now and as of the range's begin (time travel; a table whose old files were
 * cleaned reads as if every key were new, which only recomputes more).
 */
async function loadChangedKeys(db: EtlDuckDb, job: JobDefinition, source: SourceChanges): Promise<void> {
  const keys = [...source.job.hudi.recordKeyFields];
  const watched = watchedColumns(job, source.view);
  const keyList = keys.map(quoteIdentifier).join(', ');
  const written = source.table
    ? `SELECT ${typedColumns(source.job, [...keys, ...watched]).join(', ')} FROM (${await source.table.sql(
        { type: 'incremental', begin: source.begin, end: source.end },
        { columns: [...keys, ...watched] },
      )}) w`
    : `SELECT ${typedColumns(source.job, [...keys, ...watched]).join(', ')} FROM ${fullSourceViewName(source.view)} WHERE false`;
  const structure = quoteLiteral(recordKeyJsonStructure(source.job));
  const deleted = source.deletedKeys.map(
    (json) =>
      `SELECT ${typedColumns(source.job, keys).join(', ')} FROM (SELECT unnest(from_json(${quoteLiteral(json)}, ${structure}), recursive := true)) d`,
  );
  const WRITTEN = '_etl_written_keys';
  await db.run(`CREATE OR REPLACE TEMP TABLE ${WRITTEN} AS ${written}`);
  const allKeys = [`SELECT ${keyList} FROM ${WRITTEN}`, ...deleted].join(' UNION ');
  const on = (alias: string) =>
    keys.map((k) => `${alias}.${quoteIdentifier(k)} = k.${quoteIdentifier(k)}`).join(' AND ');
  let before = `SELECT ${typedColumns(source.job, [...keys, ...watched]).join(', ')} FROM ${WRITTEN} WHERE false`;
  if (watched.length > 0 && source.table) {
    const old = await source.table.sql({ type: 'asOf', asOf: source.begin }, { columns: [...keys, ...watched] });
    before = `SELECT ${typedColumns(source.job, [...keys, ...watched], 'o.').join(', ')} FROM (${old}) o SEMI JOIN (${allKeys}) k ON ${on('o')}`;
  }
  const selected = [
    ...keys.map((k) => `k.${quoteIdentifier(k)}`),
    ...watched.map((c) => `w.${quoteIdentifier(c)}`),
    ...watched.map((c) => `b.${quoteIdentifier(c)} AS ${beforeColumnName(c)}`),
    `w.${quoteIdentifier(keys[0] as string)} IS NOT NULL AS _present_now`,
    `b.${quoteIdentifier(keys[0] as string)} IS NOT NULL AS _present_before`,
  ];
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${changedKeysViewName(source.view)} AS SELECT ${selected.join(', ')}
       FROM (${allKeys}) k LEFT JOIN ${WRITTEN} w ON ${on('w')} LEFT JOIN (${before}) b ON ${on('b')}`,
  );
}

/**
 * Adds to `deletes` the rows of the job's table in the affected units that `upserts` does not replace. They are
 * looked for only in the files that may hold the affected units (defineAffectedRowsView), and a delete needs only
 * the record key and partition fields (and the unit): the other columns are NULL, so only those are read.
 */
export async function addStaleRowDeletes(
  db: EtlDuckDb,
  store: ObjectStore,
  job: JobDefinition,
  tables: { readonly upserts: string; readonly deletes: string },
): Promise<void> {
  const own = await openCuratedTable(store, job);
  const current = '_etl_affected_rows';
  if (own) await defineAffectedRowsView(db, job, own, current);
  else await defineCuratedView(db, store, job, current);
  const needed = new Set([...job.hudi.recordKeyFields, ...job.hudi.partitionFields, incrementalPlanOf(job).unit]);
  const typed = job.columns
    .map(
      (c) =>
        `CAST(${needed.has(c.name) ? quoteIdentifier(c.name) : 'NULL'} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`,
    )
    .join(', ');
  await db.run(
    `INSERT INTO ${tables.deletes} SELECT ${typed} FROM (${renderStaleRowsSelect(job, current, tables.upserts)}) s`,
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
