import type { ChatAnswer } from '../platform/chat-types';

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
}

/** A cell as a number: numbers as they are, decimals that executors return as exact strings parsed; else null. */
export function cellNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return null;
}

/**
 * The points of the chart an answer suggests: its `x` column as labels, its `y` column as values, in
 * the table's order. Empty when the answer suggests no chart, a named column is missing, or no row
 * has a number in `y` (then no chart is drawn).
 */
export function chartPoints(answer: Pick<ChatAnswer, 'table' | 'chart'>): ChartPoint[] {
  const { table, chart } = answer;
  if (!table || !chart) return [];
  const xi = table.columns.findIndex((c) => c.name === chart.x);
  const yi = table.columns.findIndex((c) => c.name === chart.y);
  if (xi < 0 || yi < 0) return [];
  const points: ChartPoint[] = [];
  for (const row of table.rows) {
    const value = cellNumber(row[yi]);
    if (value !== null) points.push({ label: String(row[xi] ?? '—'), value });
  }
  return points;
}
