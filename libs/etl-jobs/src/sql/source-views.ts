import { CDC_COLUMNS, LOAD_FILE_LIKE } from '@autocorp/lake-storage/layout';
import type { CsvSource, DatabaseSource } from '../model/sources';
import { identifier, stringLiteral } from './portable-sql';

/** Name of the engine-filled view of raw rows behind a database source. */
export function changesViewName(source: DatabaseSource): string {
  return `${identifier(source.view)}_changes`;
}

/** Name of the engine-filled view of text fields behind a CSV source. */
export function csvTextViewName(source: CsvSource): string {
  return `${identifier(source.view)}_text`;
}

/**
 * How changes of one key are ordered:
 * - `lsn`: by `_cdc_commit_lsn`, `_cdc_seq` as numbers (libs/cdc: PostgreSQL commit LSN and the change's
 *   order in its transaction; full-load rows carry the slot's consistent point and seq 0).
 * - `dms`: AWS DMS output (`renderDmsChangesSelect`): full-load rows first (`_cdc_is_change` = 0), then by the
 *   commit timestamp, then by `$AR_H_CHANGE_SEQ` as a number (DMS documents it as a unique, increasing 35-digit
 *   number). `$AR_H_STREAM_POSITION` (`_cdc_commit_lsn`) is kept for lineage only: DMS does not document it as
 *   sortable, and as text it can disagree with the change order.
 */
export type ChangeOrdering = 'lsn' | 'dms';

/** Columns the changes view holds besides the source columns, `Op` and `_source_file`, per ordering. */
export const CHANGE_ORDER_COLUMNS: Readonly<Record<ChangeOrdering, readonly string[]>> = {
  lsn: [CDC_COLUMNS.commitLsn, CDC_COLUMNS.seq],
  dms: ['_cdc_is_change', CDC_COLUMNS.commitTimestamp, CDC_COLUMNS.seq],
};

/** The commit timestamp column of the raw database files (DMS `TimestampColumnName`, @autocorp/cdc's default). */
export const DMS_COMMIT_TIMESTAMP_COLUMN = CDC_COLUMNS.commitTimestamp;

/** Full-load files of a DMS S3 target (`.../LOAD00000001.parquet`), as a LIKE pattern on the file path. */
export const DMS_FULL_LOAD_FILE_LIKE = LOAD_FILE_LIKE;

/** Name of the engine-filled view of DMS files (their columns plus `_source_file`) behind a database source. */
export function dmsFilesViewName(source: DatabaseSource): string {
  return `${identifier(source.view)}_dms_files`;
}

/**
 * The changes view of a database source over DMS output, as portable SQL (DuckDB and Spark SQL): reads the view
 * `dmsFilesViewName(source)` (the Parquet files as DMS wrote them, each row with its `_source_file`) and gives
 * `_cdc_is_change` (0 for rows of LOAD files), the commit timestamp, `_cdc_seq` (`$AR_H_CHANGE_SEQ` as
 * DECIMAL(38,0); empty on full-load rows) and `_cdc_commit_lsn` (`$AR_H_STREAM_POSITION`, lineage only).
 */
export function renderDmsChangesSelect(source: DatabaseSource): string {
  const columns = source.columns.map((c) => identifier(c.name)).join(', ');
  return [
    `SELECT ${columns}, Op,`,
    `  CASE WHEN _source_file LIKE ${stringLiteral(DMS_FULL_LOAD_FILE_LIKE)} THEN 0 ELSE 1 END AS _cdc_is_change,`,
    `  CAST(${DMS_COMMIT_TIMESTAMP_COLUMN} AS TIMESTAMP) AS _cdc_commit_ts,`,
    `  TRY_CAST(NULLIF(CAST(_cdc_seq AS STRING), '') AS DECIMAL(38, 0)) AS _cdc_seq,`,
    `  CAST(_cdc_commit_lsn AS STRING) AS _cdc_commit_lsn,`,
    `  _source_file`,
    `FROM ${dmsFilesViewName(source)}`,
  ].join('\n');
}

/**
 * The database source view: latest change per primary key, as portable SQL (DuckDB and Spark SQL).
 * Rows of the full load sort before the changes streamed after it.
 */
export function renderLatestChangeSelect(source: DatabaseSource, ordering: ChangeOrdering = 'lsn'): string {
  const columns = source.columns.map((c) => identifier(c.name)).join(', ');
  const key = source.primaryKey.map(identifier).join(', ');
  const order = CHANGE_ORDER_COLUMNS[ordering].map((c) => `${c} DESC`).join(', ');
  return [
    `SELECT ${columns},`,
    `  CASE WHEN c.Op = 'D' THEN 'D' ELSE 'U' END AS _op,`,
    `  c._source_file AS _source_file,`,
    `  CAST(NULL AS BIGINT) AS _source_line,`,
    `  CAST(NULL AS STRING) AS _raw_row,`,
    `  '' AS _unparsed_columns,`,
    `  FALSE AS _malformed`,
    `FROM (`,
    `  SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY ${order}) AS _change_rank`,
    `  FROM ${changesViewName(source)}`,
    `) c`,
    `WHERE c._change_rank = 1`,
  ].join('\n');
}

/**
 * The CSV source view: every field cast with TRY_CAST to its column type (empty fields are NULL,
 * text fields are kept as written, other fields are cast trimmed; a TIMESTAMP field needs a time of
 * day, so a date alone does not parse), and `_unparsed_columns` naming
 * the non-empty fields that did not cast (each field is cast once). Portable SQL (DuckDB and Spark SQL >= 3.4).
 */
export function renderCsvTypedSelect(source: CsvSource): string {
  const typed = source.columns.filter((c) => c.type !== 'STRING');
  const inner = source.columns.map((c) => {
    const name = identifier(c.name);
    // Both engines ignore leading and trailing whitespace when they cast (DuckDB; Spark >= 3.0 trims
    // strings cast to integral, decimal and datetime types), so the field is cast as it is.
    if (c.type === 'STRING') return `    NULLIF(${name}, '') AS ${name}`;
    // A date alone is not a timestamp (both engines would read it as midnight): it does not parse.
    const cast =
      c.type === 'TIMESTAMP'
        ? `CASE WHEN ${name} LIKE '%:%' THEN TRY_CAST(${name} AS TIMESTAMP) END`
        : `TRY_CAST(${name} AS ${c.type})`;
    return `    ${cast} AS ${name},\n    ${name} AS _text_${name}`;
  });
  const unparsed = typed.map((c) => {
    const name = identifier(c.name);
    return `CASE WHEN c.${name} IS NULL AND NULLIF(trim(c._text_${name}), '') IS NOT NULL THEN '${name}' END`;
  });
  // Only rows with a NULL typed field can have one that did not parse.
  const anyNull = typed.map((c) => `c.${identifier(c.name)} IS NULL`).join(' OR ');
  return [
    'SELECT',
    `${source.columns.map((c) => `  c.${identifier(c.name)}`).join(',\n')},`,
    `  'U' AS _op,`,
    `  c._source_file,`,
    `  c._source_line,`,
    `  c._raw_row,`,
    `  ${unparsed.length > 0 ? `CASE WHEN ${anyNull} THEN concat_ws(',', ${unparsed.join(', ')}) ELSE '' END` : "''"} AS _unparsed_columns,`,
    `  c._malformed`,
    'FROM (',
    '  SELECT',
    `${inner.join(',\n')},`,
    '    _source_file, _source_line, _raw_row, _malformed',
    `  FROM ${csvTextViewName(source)}`,
    ') c',
  ].join('\n');
}
