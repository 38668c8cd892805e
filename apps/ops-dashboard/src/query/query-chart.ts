import type { QueryResultResponse } from '@autocorp/platform-client';
import type { Bar } from '../components/charts/bar-chart';
import type { LineSeries } from '../components/charts/line-chart';

/** How a named query's answer is drawn: a line over time, bars, or not at all. */
export type QueryChart =
  | { readonly kind: 'line'; readonly title: string; readonly series: LineSeries[] }
  | { readonly kind: 'bars'; readonly title: string; readonly bars: Bar[] }
  | { readonly kind: 'none' };

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** Revenue per month, one line per order type. */
function revenueByMonth(result: QueryResultResponse): QueryChart {
  const lines = new Map<string, LineSeries['points'][number][]>();
  for (const row of result.rows) {
    const type = String(row.order_type);
    lines.set(type, [...(lines.get(type) ?? []), { x: Date.parse(String(row.month)), y: num(row.revenue) }]);
  }
  return {
    kind: 'line',
    title: 'Revenue by month and order type',
    series: [...lines.entries()].map(([name, points]) => ({ name, points })),
  };
}

function bars(result: QueryResultResponse, title: string, label: string, value: string): QueryChart {
  return {
    kind: 'bars',
    title,
    bars: result.rows.map((row) => ({ label: String(row[label]), value: num(row[value]) })),
  };
}

/** The chart that fits a named query's answer (the table shows every query). */
export function chartFor(query: string, result: QueryResultResponse): QueryChart {
  switch (query) {
    case 'revenue_by_month_and_order_type':
      return revenueByMonth(result);
    case 'top_selling_parts':
      return bars(result, 'Top-selling parts by units sold', 'sku', 'units_sold');
    case 'average_order_value_by_payment_method':
      return bars(result, 'Average order value by payment method', 'payment_method', 'average_order_value');
    case 'customers_by_state':
      return bars(result, 'Customers by state', 'state', 'customers');
    default:
      return { kind: 'none' };
  }
}
