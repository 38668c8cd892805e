import type { NamedQueryPeriod, QueryResult } from '@autocorp/query';
import { formatTable } from '@autocorp/terminal';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One RFC 4180 CSV field: NULL empty, objects as JSON, quoted when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tableCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Rows as RFC 4180 CSV: a header of `names`, then one line per row. */
export function formatCsv(names: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  return (
    [names.map(csvCell).join(','), ...rows.map((row) => names.map((n) => csvCell(row[n])).join(','))].join('\n') + '\n'
  );
}

/** A query result as an aligned table, RFC 4180 CSV or JSON rows. */
export function formatQueryResult(result: QueryResult, format: OutputFormat): string {
  const names = result.columns.map((c) => c.name);
  if (format === 'json') return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === 'csv') return formatCsv(names, result.rows);
  const rows = result.rows.map((row) => names.map((n) => tableCell(row[n])));
  return `${formatTable(names, rows)}\n(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}, ${result.stats.elapsedMs.toFixed(0)} ms)\n`;
}

/**
 * The period a named query covered, e.g. `period: 2020-01-01 through 2025-12-31 (the data's own range;
 * --param from=2020-01-01 to=2026-01-01, to excluded)`; undefined for a query without a period.
 */
export function describePeriod(period: NamedQueryPeriod | undefined): string | undefined {
  if (period === undefined) return undefined;
  const last = new Date(`${period.to}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  const source =
    period.fromSource === 'data' && period.toSource === 'data'
      ? "the data's own range"
      : period.fromSource === 'given' && period.toSource === 'given'
        ? 'as given'
        : `${period.fromSource === 'data' ? 'from' : 'to'} taken from the data`;
  return `period: ${period.from} through ${last.toISOString().slice(0, 10)} (${source}; --param from=${period.from} --param to=${period.to}, to excluded)`;
}
