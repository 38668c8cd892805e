import { CDC_COLUMNS } from '@autocorp/lake-storage';
import { castFromText, type SourceColumn } from './column-types';
import { quoteIdentifier } from '@autocorp/duckdb/sql';

/** The DMS-style columns every raw file starts with. */
export interface MetaColumnNames {
  /** DMS's `TimestampColumnName`; ours defaults to `_cdc_commit_ts`. */
  readonly commitTimestamp: string;
}

/** Where the projection reads its values: SQL expressions over the staged relation. */
export interface ProjectionSource {
  readonly op: string;
  /** Microseconds since the Unix epoch (BIGINT). */
  readonly commitMicros: string;
  readonly commitLsn: string;
  readonly seq: string;
  /** The text value of source column i. */
  readonly column: (index: number) => string;
}

/** `Op, <commit ts>, _cdc_commit_lsn, _cdc_seq, <table columns with lake types>` */
export function lakeProjection(
  columns: readonly SourceColumn[],
  source: ProjectionSource,
  names: MetaColumnNames,
): string {
  const meta = [
    `${source.op} AS ${quoteIdentifier(CDC_COLUMNS.op)}`,
    `make_timestamp(${source.commitMicros})::TIMESTAMPTZ AS ${quoteIdentifier(names.commitTimestamp)}`,
    `${source.commitLsn} AS ${quoteIdentifier(CDC_COLUMNS.commitLsn)}`,
    `${source.seq} AS ${quoteIdentifier(CDC_COLUMNS.seq)}`,
  ];
  const data = columns.map(
    (column, i) => `${castFromText(source.column(i), column)} AS ${quoteIdentifier(column.name)}`,
  );
  return [...meta, ...data].join(', ');
}

export const PARQUET_OPTIONS = '(FORMAT parquet, COMPRESSION snappy)';
