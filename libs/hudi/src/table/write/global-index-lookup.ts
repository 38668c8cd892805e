import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as ident, quoteList as literalList } from '@autocorp/duckdb/sql';
import { layoutOrder } from './layout-order';

export interface GlobalLookupSettings {
  /** The precombine field for an upsert (a stored record with a larger value wins), undefined for deletes. */
  precombineField: string | undefined;
  /** Move records whose partition path changed (hoodie.simple.index.update.partition.path); false for deletes. */
  updatePartitionPath: boolean;
  /** The layout sort new records are numbered in (WriteOptions.sortColumns). */
  sortColumns?: readonly string[];
}

/**
 * Hudi's GLOBAL_SIMPLE index (HoodieGlobalSimpleIndex + HoodieIndexUtils.tagGlobalLocationBackToRecords):
 * finds each incoming key in the latest base files of ALL partitions (`locations`), by record key alone.
 * Produces `tagged` in the shape tagLocations gives, plus `__hudi_delete`:
 * - a key stored in the partition the record names, or any stored key when partition paths are not
 *   updated (or for a delete): the record is tagged to the stored file, with the stored partition path;
 * - a key stored in another partition, with updatePartitionPath: a delete marker (`__hudi_delete`) tagged to
 *   the old file, and the record as an insert into its new partition, unless the stored record wins on the
 *   precombine field (then nothing changes, as Hudi's merge keeps the stored record where it is);
 * - a new key: an insert.
 */
export async function tagLocationsGlobally(
  connection: DuckDBConnection,
  staged: string,
  tagged: string,
  locations: string[],
  settings: GlobalLookupSettings,
): Promise<void> {
  const matches = `${tagged}_matches`;
  const ordering = settings.precombineField ? `k.${ident(settings.precombineField)}` : 'NULL';
  const found =
    locations.length === 0
      ? `SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS part, NULL::VARCHAR AS file, NULL AS ord WHERE false`
      : `SELECT k._hoodie_record_key AS key, k._hoodie_partition_path AS part, k.__hudi_file AS file, ${ordering} AS ord
         FROM read_parquet(${literalList(locations)}, filename = '__hudi_file', union_by_name = true) k
         SEMI JOIN ${staged} s ON s._hoodie_record_key = k._hoodie_record_key`;
  const stale = settings.precombineField ? `coalesce(m.ord > s.${ident(settings.precombineField)}, false)` : 'false';
  const move = settings.updatePartitionPath ? 'true' : 'false';
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${matches} AS
     SELECT s._hoodie_record_key AS key, m.part, m.file, m.ord, ${stale} AS stale, m.part = s._hoodie_partition_path AS same
     FROM ${staged} s JOIN (${found}) m ON m.key = s._hoodie_record_key`,
  );
  const incoming = `SELECT s.*, a.any_same, a.moves, a.key IS NOT NULL AS found
     FROM ${staged} s LEFT JOIN (SELECT key, bool_or(same) AS any_same, bool_or(NOT same AND NOT stale) AS moves FROM ${matches} GROUP BY key) a
       ON a.key = s._hoodie_record_key`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${tagged} AS
     WITH j AS (SELECT s.*, m.part AS __m_part, m.file AS __m_file, m.ord AS __m_ord, m.same AS __m_same, m.stale AS __m_stale
                FROM ${staged} s JOIN ${matches} m ON m.key = s._hoodie_record_key),
     i AS (${incoming}),
     r AS (
       SELECT j.* EXCLUDE (__m_part, __m_file, __m_ord, __m_same, __m_stale) REPLACE (__m_part AS _hoodie_partition_path),
         __m_file AS __hudi_file, __m_ord AS __hudi_stored_ordering, false AS __hudi_delete
       FROM j WHERE __m_same OR NOT ${move}
       UNION ALL BY NAME
       SELECT j.* EXCLUDE (__m_part, __m_file, __m_ord, __m_same, __m_stale) REPLACE (__m_part AS _hoodie_partition_path),
         __m_file AS __hudi_file, NULL AS __hudi_stored_ordering, true AS __hudi_delete
       FROM j WHERE ${move} AND NOT __m_same AND NOT __m_stale
       UNION ALL BY NAME
       SELECT i.* EXCLUDE (any_same, moves, found), NULL::VARCHAR AS __hudi_file, NULL AS __hudi_stored_ordering, false AS __hudi_delete
       FROM i WHERE NOT found OR (${move} AND NOT any_same AND moves)
     )
     SELECT *, CASE WHEN __hudi_file IS NULL THEN row_number() OVER (PARTITION BY _hoodie_partition_path, __hudi_file IS NULL ORDER BY ${layoutOrder(settings.sortColumns) || '_hoodie_record_key'}) END AS __hudi_rn
     FROM r`,
  );
  await connection.run(`DROP TABLE IF EXISTS ${matches}`);
}
