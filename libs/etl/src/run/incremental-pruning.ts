import {
  AFFECTED_UNITS_VIEW,
  type ColumnType,
  type JobDefinition,
  duckdbType,
  incrementalPlanOf,
} from '@autocorp/etl-jobs';
import type { HudiTable } from '@autocorp/hudi';
import { quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb/sql';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';

/**
 * The base files of a table's snapshot (as of `asOf`, or latest) that may hold a row whose `column` is one of
 * the affected units: a file is skipped when every row group of it has min/max statistics for the column and no
 * affected unit falls in any of those ranges. Tables sorted by the unit (the layout sort) keep the units of
 * recent orders in a few files, so an incremental run reads those instead of the whole table. Only string
 * columns are pruned (statistics compare as text); other columns keep every file.
 */
export async function filesWithAffectedUnits(
  db: EtlDuckDb,
  table: HudiTable,
  column: string,
  columnType: ColumnType,
  asOf: string | undefined,
): Promise<{ readonly kept: ReadonlySet<string>; readonly total: number }> {
  const plan = await table.plan(asOf === undefined ? { type: 'snapshot' } : { type: 'asOf', asOf });
  const all = plan.files.map((f) => f.location);
  if (all.length === 0 || duckdbType(columnType) !== 'VARCHAR') return { kept: new Set(all), total: all.length };
  const rows = await db.rows(
    `SELECT file_name FROM parquet_metadata(${quoteList(all)}) m
     WHERE m.path_in_schema = ${quoteLiteral(column)}
     GROUP BY file_name
     HAVING bool_and(m.stats_min_value IS NOT NULL AND m.stats_max_value IS NOT NULL)
        AND NOT bool_or(EXISTS (SELECT 1 FROM ${AFFECTED_UNITS_VIEW} a
                                WHERE CAST(a.unit AS VARCHAR) BETWEEN m.stats_min_value AND m.stats_max_value))`,
  );
  const skipped = new Set(rows.map((r) => String(r['file_name'])));
  return { kept: new Set(all.filter((location) => !skipped.has(location))), total: all.length };
}

/**
 * `view`: the job's own table (the latest snapshot) restricted to the files that may hold rows of the affected
 * units, with the job's columns typed; the rows of the affected units are found there without reading the
 * other files.
 */
export async function defineAffectedRowsView(
  db: EtlDuckDb,
  job: JobDefinition,
  table: HudiTable,
  view: string,
): Promise<{ readonly files: number; readonly total: number }> {
  const unit = incrementalPlanOf(job).unit;
  const type: ColumnType = job.columns.find((c) => c.name === unit)?.type ?? 'STRING';
  const { kept, total } = await filesWithAffectedUnits(db, table, unit, type, undefined);
  const columns = job.columns
    .map((c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  const sql = await table.sql({ type: 'snapshot' }, { onlyFiles: kept });
  await db.run(
    `CREATE OR REPLACE TEMP VIEW ${view} AS SELECT ${columns} FROM (${sql}) s WHERE ${quoteIdentifier(unit)} IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW})`,
  );
  return { files: kept.size, total };
}
