import { describe, expect, it } from 'vitest';
import { chartPoints } from '../src/chat/chart-points';

const table = {
  columns: [
    { name: 'month', type: 'VARCHAR' },
    { name: 'revenue', type: 'DECIMAL(18,2)' },
  ],
  rows: [
    ['2025-03', '1200.50'],
    ['2025-04', 980],
    ['2025-05', null],
  ],
};

describe('the points of a suggested chart', () => {
  it('takes x as labels and y as numbers (exact decimal strings parsed), skipping rows without a number', () => {
    const points = chartPoints({ table, chart: { kind: 'line', x: 'month', y: 'revenue', title: 'Revenue' } });
    expect(points).toEqual(
      table.rows.filter((r) => r[1] !== null).map((r) => ({ label: String(r[0]), value: Number(r[1]) })),
    );
  });

  it('draws nothing without a chart, or when the chart names a column the table lacks', () => {
    expect(chartPoints({ table })).toEqual([]);
    expect(chartPoints({ table, chart: { kind: 'bar', x: 'month', y: 'units', title: 'Units' } })).toEqual([]);
  });
});
