import type { QueryResult } from '@autocorp/query';
import type { CellValue, ResultTable } from '../contract/answer';
import { isContactColumn, maskContactDetails } from '../guardrails/contact-details';

export interface CappedTable {
  readonly table: ResultTable;
  /** Rows the query returned before the cap (at most cap + 1 when the query was capped in SQL). */
  readonly rowCount: number;
  readonly truncated: boolean;
}

const cell = (value: CellValue): CellValue => (typeof value === 'string' ? maskContactDetails(value) : value);

/** A query result as a table: contact columns dropped, contact-like values masked, at most `rowCap` rows. */
export function toResultTable(result: QueryResult, rowCap: number): CappedTable {
  const columns = result.columns.filter((c) => !isContactColumn(c.name));
  const rows = result.rows.slice(0, rowCap).map((row) => columns.map((c) => cell(row[c.name] ?? null)));
  return {
    table: { columns: columns.map((c) => ({ name: c.name, type: c.type })), rows },
    rowCount: result.rows.length,
    truncated: result.rows.length > rowCap,
  };
}

/** The table's rows as objects (what a model reads). */
export function rowObjects(table: ResultTable): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}
