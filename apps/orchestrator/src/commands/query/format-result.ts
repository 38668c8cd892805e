import type { QueryResult } from '@autocorp/query';
import { formatTable } from '@autocorp/terminal';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tableCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A query result as an aligned table, RFC 4180 CSV or JSON rows. */
export function formatQueryResult(result: QueryResult, format: OutputFormat): string {
  const names = result.columns.map((c) => c.name);
  if (format === 'json') return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === 'csv') {
    return [names.map(csvCell).join(','), ...result.rows.map((row) => names.map((n) => csvCell(row[n])).join(','))].join('\n') + '\n';
  }
  const rows = result.rows.map((row) => names.map((n) => tableCell(row[n])));
  return `${formatTable(names, rows)}\n(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}, ${result.stats.elapsedMs.toFixed(0)} ms)\n`;
}
