import type { JobDefinition } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';

/**
 * Builds the winning-versions table from the rows that passed the row rules (`passed`: a FROM item with
 * `_row_id`, the key fields and the precombine field), in one aggregation per key that reads only those:
 * - the key fields, and `_latest`: the winning precombine value (NULL only when every version has none);
 * - `_row_id`: the latest version (the largest precombine value, NULL smallest; on a tie the later row);
 * - `_first_tied`: the earliest row with the same precombine value as the latest (the latest itself
 *   unless versions tie), so that only the tied keys' rows are compared later (findVersionConflicts);
 * - `_versions`: the rows of the key (the versions dropped are counted from this same pass).
 */
export async function buildWinningVersions(
  db: EtlDuckDb,
  job: JobDefinition,
  passed: string,
  table: string,
): Promise<void> {
  const pre = `p.${quoteIdentifier(job.hudi.precombineField)}`;
  const version = (last: string) => `struct_pack(a := ${pre} IS NOT NULL, b := ${pre}, c := ${last})`;
  const keys = job.hudi.recordKeyFields.map((k) => `p.${quoteIdentifier(k)}`).join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${keys}, max(${pre}) AS _latest, arg_max(p._row_id, ${version('p._row_id')}) AS _row_id,
       arg_max(p._row_id, ${version('-p._row_id')}) AS _first_tied, count(*) AS _versions
     FROM ${passed} p GROUP BY ${keys}`,
  );
}

/** The condition on the winning-versions table (alias `w`) of keys whose latest version ties with an earlier row. */
export function versionsTied(w: string): string {
  return `${w}._first_tied <> ${w}._row_id`;
}
