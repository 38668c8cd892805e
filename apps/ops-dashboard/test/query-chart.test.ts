import type { QueryResultResponse } from '@autocorp/platform-client';
import { describe, expect, it } from 'vitest';
import { chartFor } from '../src/query/query-chart';

function result(rows: QueryResultResponse['rows']): QueryResultResponse {
  const names = Object.keys(rows[0] ?? {});
  return {
    columns: names.map((name) => ({ name, type: 'VARCHAR' })),
    rows,
    truncated: false,
    maxRows: 1000,
    elapsedMs: 1,
    bytesScanned: null,
    values: null,
    period: null,
  };
}

describe('the chart of a named query', () => {
  it('draws revenue by month as one line per order type, each point a month', () => {
    const rows = [
      { month: '2024-01-01', order_type: 'Parts', orders: 2, revenue: 10 },
      { month: '2024-01-01', order_type: 'Service', orders: 1, revenue: 4 },
      { month: '2024-02-01', order_type: 'Parts', orders: 3, revenue: 12 },
    ];
    const chart = chartFor('revenue_by_month_and_order_type', result(rows));
    if (chart.kind !== 'line') throw new Error(`expected a line chart, got ${chart.kind}`);
    const types = [...new Set(rows.map((r) => r.order_type))];
    expect(chart.series.map((s) => s.name)).toEqual(types);
    for (const s of chart.series)
      expect(s.points).toEqual(
        rows.filter((r) => r.order_type === s.name).map((r) => ({ x: Date.parse(r.month), y: r.revenue })),
      );
  });

  it('draws top parts and payment methods as bars in the order of the answer', () => {
    const parts = [
      { sku: 'A', units_sold: 9, revenue: 90 },
      { sku: 'B', units_sold: 4, revenue: 80 },
    ];
    expect(chartFor('top_selling_parts', result(parts))).toMatchObject({
      kind: 'bars',
      bars: parts.map((p) => ({ label: p.sku, value: p.units_sold })),
    });
    const methods = [{ payment_method: 'Cash', orders: 2, average_order_value: 12.5, revenue: 25 }];
    expect(chartFor('average_order_value_by_payment_method', result(methods))).toMatchObject({
      kind: 'bars',
      bars: methods.map((m) => ({ label: m.payment_method, value: m.average_order_value })),
    });
  });

  it('draws nothing for a query without a fitting chart', () => {
    expect(chartFor('service_with_parts', result([{ serviceid: 'S', part: 'P' }]))).toEqual({ kind: 'none' });
  });
});
