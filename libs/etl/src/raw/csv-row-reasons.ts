import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';

/**
 * The reader's own reason for a CSV row it could not take as written (`_row_id`, `column_name`,
 * `reason`): the field count, the field that did not parse, invalid UTF-8, a record cut short, or
 * DuckDB's reject error. The quarantine gives it for rows broken under `wellFormed` or `parses`.
 */
export const CSV_ROW_REASONS = '_etl_csv_row_reasons';

export interface CsvRowReason {
  readonly rowId: number;
  readonly column: string | undefined;
  readonly reason: string;
}

export async function createCsvRowReasons(db: EtlDuckDb): Promise<void> {
  await db.run(
    `CREATE TEMP TABLE IF NOT EXISTS ${CSV_ROW_REASONS} (_row_id BIGINT, column_name VARCHAR, reason VARCHAR)`,
  );
}

/** Adds reasons for rows that have none yet (the first reason given for a row stays). */
export async function addCsvRowReasons(db: EtlDuckDb, reasons: readonly CsvRowReason[]): Promise<void> {
  await createCsvRowReasons(db);
  for (let i = 0; i < reasons.length; i += 1000) {
    const values = reasons
      .slice(i, i + 1000)
      .map(
        (r) => `(${r.rowId}, ${r.column === undefined ? 'NULL' : quoteLiteral(r.column)}, ${quoteLiteral(r.reason)})`,
      )
      .join(', ');
    await db.run(
      `INSERT INTO ${CSV_ROW_REASONS} SELECT DISTINCT ON (v._row_id) v._row_id, v.column_name, v.reason FROM (VALUES ${values}) v(_row_id, column_name, reason)
       WHERE v._row_id NOT IN (SELECT _row_id FROM ${CSV_ROW_REASONS})`,
    );
  }
}

/** The reason of a line whose number of fields is not the header's: how many it has, and the first column it lacks. */
export function describeFieldCount(
  found: number,
  header: readonly string[],
): { column: string | undefined; reason: string } {
  const has = `the line has ${found} field${found === 1 ? '' : 's'}; the header has ${header.length}`;
  if (found < header.length) {
    const missing = header.slice(found);
    return { column: missing[0], reason: `${has} (missing ${missing.join(', ')})` };
  }
  return {
    column: header[header.length - 1],
    reason: `${has} (${found - header.length} after ${header[header.length - 1] ?? 'the last column'})`,
  };
}
