import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';

/** A staged column: name and DuckDB type. */
export type StagedColumn = readonly [name: string, type: string];

/** Leading fields of a batch row: op letter, commit LSN, seq, commit time (Unix µs); then c0, c1, ... */
export const BATCH_META: readonly StagedColumn[] = [
  ['_op', 'VARCHAR'],
  ['_lsn', 'BIGINT'],
  ['_seq', 'BIGINT'],
  ['_ts', 'BIGINT'],
];

/** Leading fields of a row of a streamed, uncommitted transaction: arrival order, subtransaction, op. */
export const STREAM_META: readonly StagedColumn[] = [
  ['_arrival', 'BIGINT'],
  ['_subxid', 'BIGINT'],
  ['_op', 'VARCHAR'],
];

/** The change ops of the raw zone: insert, update, delete, truncate. */
export type Op = 'I' | 'U' | 'D' | 'T';
export const OP_TRUNCATE = 0x54; // T

/** Meta columns, then the table's values as PostgreSQL text (VARCHAR) c0, c1, ... */
export function stagedColumns(meta: readonly StagedColumn[], valueCount: number): StagedColumn[] {
  return [...meta, ...Array.from({ length: valueCount }, (_, i): StagedColumn => [`c${i}`, 'VARCHAR'])];
}

export function createTableSql(table: string, columns: readonly StagedColumn[]): string {
  return `CREATE TABLE ${table} (${columns.map(([name, type]) => `${quoteIdentifier(name)} ${type}`).join(', ')})`;
}

/** DuckDB's default read_csv max_line_size. */
const DEFAULT_MAX_LINE = 2_000_000;

/** read_csv over a file written by CsvRowWriter: exact types, no sniffing, `""` is an empty string. */
export function readCsvSql(path: string, columns: readonly StagedColumn[], maxRowBytes: number): string {
  const types = columns.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`).join(', ');
  const lineSize = maxRowBytes + 2 > DEFAULT_MAX_LINE ? `, max_line_size = ${maxRowBytes + 1024}` : '';
  return `read_csv(${quoteLiteral(path)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}}${lineSize})`;
}
