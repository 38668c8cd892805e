import { quoteIdentifier as ident } from '@autocorp/duckdb/sql';

/**
 * The order a table's layout sort (WriteOptions.sortColumns) gives its records: the sort columns, then the
 * record key, so the order is total. `alias` qualifies the columns (`s.`); empty without sort columns.
 */
export function layoutOrder(sortColumns: readonly string[] | undefined, alias = ''): string {
  if (!sortColumns || sortColumns.length === 0) return '';
  return [...sortColumns.map((c) => `${alias}${ident(c)}`), `${alias}_hoodie_record_key`].join(', ');
}

/** ` ORDER BY <layoutOrder>`, or nothing without sort columns. */
export function orderByLayout(sortColumns: readonly string[] | undefined, alias = ''): string {
  const order = layoutOrder(sortColumns, alias);
  return order === '' ? '' : ` ORDER BY ${order}`;
}
