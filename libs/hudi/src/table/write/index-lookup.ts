import type { DuckDBConnection } from '@duckdb/node-api';
import type { FileSlice } from '../../file-group/file-slice';
import { quoteIdentifier as ident, quoteList as literalList } from '@autocorp/duckdb/sql';
import { layoutOrder, orderByLayout } from './layout-order';

/**
 * Hudi's SIMPLE index: finds which latest base file holds each incoming key (same key and partition path)
 * by reading `_hoodie_record_key` of the latest base files in the partitions the batch touches.
 * Produces `tagged` = staged rows + `__hudi_file` (location of the holding base file, or NULL for new keys),
 * `__hudi_stored_ordering` (precombine value stored), `__hudi_rn` (1-based position among the partition's new keys)
 * and `__hudi_delete` (always false here; true marks a record leaving a file, see tagLocationsGlobally).
 */
export async function tagLocations(
  connection: DuckDBConnection,
  staged: string,
  tagged: string,
  candidates: { slice: FileSlice; location: string }[],
  precombineField: string | undefined,
  sortColumns?: readonly string[],
): Promise<void> {
  const emptyOrdering = precombineField ? ident(precombineField) : 'NULL';
  let lookup = `SELECT _hoodie_record_key, _hoodie_partition_path, NULL::VARCHAR AS __hudi_file, ${emptyOrdering} AS __hudi_stored_ordering FROM ${staged} WHERE false`;
  if (candidates.length > 0) {
    const ordering = precombineField ? `k.${ident(precombineField)}` : 'NULL';
    lookup = `SELECT k._hoodie_record_key, k._hoodie_partition_path, k.__hudi_file, ${ordering} AS __hudi_stored_ordering
      FROM read_parquet(${literalList(candidates.map((c) => c.location))}, filename = '__hudi_file', union_by_name = true) k
      SEMI JOIN ${staged} s ON s._hoodie_record_key = k._hoodie_record_key AND s._hoodie_partition_path = k._hoodie_partition_path`;
  }
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${tagged} AS
     SELECT s.*, l.__hudi_file, l.__hudi_stored_ordering,
       CASE WHEN l.__hudi_file IS NULL THEN row_number() OVER (PARTITION BY s._hoodie_partition_path, l.__hudi_file IS NULL ORDER BY ${layoutOrder(sortColumns, 's.') || 's._hoodie_record_key'}) END AS __hudi_rn,
       false AS __hudi_delete
     FROM ${staged} s LEFT JOIN (${lookup}) l
       ON s._hoodie_record_key = l._hoodie_record_key AND s._hoodie_partition_path = l._hoodie_partition_path`,
  );
}

/**
 * Same shape as tagLocations for records that go to new file groups only (insert, bulk_insert,
 * insert_overwrite*, or any write into a table without base files): `records` is a table name or a
 * FROM item, read once. `__hudi_rn` numbers the records of each partition in the layout order (WriteOptions.sortColumns),
 * or in no particular order without one.
 */
export async function tagAllAsNew(
  connection: DuckDBConnection,
  records: string,
  tagged: string,
  sortColumns?: readonly string[],
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${tagged} AS
     SELECT s.*, NULL::VARCHAR AS __hudi_file, NULL AS __hudi_stored_ordering,
       row_number() OVER (PARTITION BY s._hoodie_partition_path${orderByLayout(sortColumns, 's.')}) AS __hudi_rn, false AS __hudi_delete
     FROM ${records} s`,
  );
}
