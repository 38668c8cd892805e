import type { SourceTableName } from '@autocorp/schema';
import type { ColumnType } from './column-type';
import type { JobName } from './job-name';

/** The CSV exports, by table folder under `raw/csv/<table>/ingest_date=YYYY-MM-DD/`. */
export const CSV_TABLES = ['sales_orders', 'sales_order_parts', 'sales_order_services', 'customers'] as const;
export type CsvTableName = (typeof CSV_TABLES)[number];

/** A typed column of a raw source. */
export interface SourceColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/**
 * A PostgreSQL table as AWS DMS (our libs/cdc) lays it out in the raw zone:
 * `raw/database/pg_<table>/LOAD*.parquet` then CDC files with `Op`, `_cdc_commit_lsn`, `_cdc_seq`,
 * only files at or below the CDC committed position.
 *
 * The engine loads the rows of the files into `<view>_changes` (source columns, `Op`,
 * `_cdc_commit_lsn`, `_cdc_seq`, `_source_file`) and exposes the view `view`
 * (`renderLatestChangeSelect`): the latest change per primary key (ordered by `_cdc_commit_lsn`,
 * `_cdc_seq`) with the meta columns, `_op` = 'D' when that change is a delete, else 'U'.
 * - `changes`: only the files that arrived after the job's bookmark (the job's input).
 * - `history`: every committed file, bookmark or not (a lookup, e.g. order_id -> invoice_number,
 *   which must resolve even for rows deleted since).
 */
export interface DatabaseSource {
  readonly kind: 'database';
  readonly view: string;
  readonly table: SourceTableName;
  readonly read: 'changes' | 'history';
  readonly primaryKey: readonly string[];
  readonly columns: readonly SourceColumn[];
}

/**
 * A CSV export in the raw zone. The engine reads every field as text with its file into the view
 * `<view>_text` (fields, `_source_file`, `_source_line`, `_raw_row`, `_malformed` for lines with the
 * wrong number of fields, rule kind `wellFormed`; the local runner fills the line and its text only
 * for the rows it quarantines, Glue for every row); the view `view` then holds the fields
 * cast with TRY_CAST to the column types (`renderCsvTypedSelect`, the same SQL on both engines) and
 * the names of the fields that did not cast in `_unparsed_columns` (rule kind `parses`).
 */
export interface CsvSource {
  readonly kind: 'csv';
  readonly view: string;
  readonly table: CsvTableName;
  /** The header, in file order, with the type each field is cast to. */
  readonly columns: readonly SourceColumn[];
}

/** The snapshot of another job's curated Hudi table. */
export interface CuratedSource {
  readonly kind: 'curated';
  readonly view: string;
  readonly job: JobName;
}

export type JobSource = DatabaseSource | CsvSource | CuratedSource;

/**
 * Meta columns every transform returns after the output columns. They drive the write and the
 * quarantine and are not stored in the curated table.
 * - `_op`: 'U' (upsert) or 'D' (delete the record key)
 * - `_source_file`: the raw file (store key) the row came from, NULL for curated inputs
 * - `_source_line`: the line in that CSV file (header = line 1; a record whose quoted field holds line
 *   breaks counts as one line), NULL otherwise
 * - `_raw_row`: the CSV line as written, NULL otherwise
 * - `_unparsed_columns`: comma-separated CSV fields that did not cast ('' when all did)
 * - `_malformed`: true for a CSV line the reader could not split into the header's fields
 */
export const META_COLUMNS = [
  '_op',
  '_source_file',
  '_source_line',
  '_raw_row',
  '_unparsed_columns',
  '_malformed',
] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];
