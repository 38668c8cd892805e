import type { JobDefinition } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';

/**
 * Builds the winning-versions table from the rows that passed the row rules (`passed`: a FROM item with
 * `_row_id`, the key fields, the precombine field and the job's columns), in one aggregation per key:
 * - `_row_id`: the latest version (the largest precombine value, NULL smallest; on a tie the later row);
 * - `_versions`: the rows of the key (so that the versions dropped are counted from the same pass);
 * - `_tie_low`, `_tie_high`: the smallest and largest hash of the content (the job's columns) among the rows
 *   that tie on the winning precombine value. They differ only when tied versions differ, so that the
 *   tied keys' rows are compared in full only for those keys (findVersionConflicts); equal rows hash equal.
 */
export async function buildWinningVersions(
  db: EtlDuckDb,
  job: JobDefinition,
  passed: string,
  table: string,
): Promise<void> {
  const pre = `p.${quoteIdentifier(job.hudi.precombineField)}`;
  const version = (last: string) => `struct_pack(a := ${pre} IS NOT NULL, b := ${pre}, c := ${last})`;
  const content = `hash(${job.columns.map((c) => `p.${quoteIdentifier(c.name)}`).join(', ')})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT arg_max(p._row_id, ${version('p._row_id')}) AS _row_id, count(*) AS _versions,
       ~arg_max(~p._content, ${version('~p._content')}) AS _tie_low, arg_max(p._content, ${version('p._content')}) AS _tie_high
     FROM (SELECT *, ${content} AS _content FROM ${passed} p) p GROUP BY ${job.hudi.recordKeyFields.map((k) => `p.${quoteIdentifier(k)}`).join(', ')}`,
  );
}

/** The condition on the winning-versions table of keys whose tied versions may differ. */
export const TIED_VERSIONS_DIFFER = '_tie_low <> _tie_high';
