import type { CellValue, ResultTable } from '../../contract/answer';

/** A decimal amount as dollars: "$1,234.50". */
export function money(value: CellValue | undefined): string {
  const n = Number(value ?? 0);
  return `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A whole number with thousands separators. */
export function count(value: CellValue | undefined): string {
  return Number(value ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A percentage change from `before` to `after`: "+12.3%", or "n/a" from zero. */
export function change(before: number, after: number): string {
  if (before === 0) return 'n/a';
  const pct = ((after - before) / before) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** The value of a column in a table row. */
export function cellOf(table: ResultTable, row: readonly CellValue[], column: string): CellValue {
  const index = table.columns.findIndex((c) => c.name === column);
  return index < 0 ? null : (row[index] ?? null);
}

/** A list in prose: "a, b and c". */
export function prose(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
