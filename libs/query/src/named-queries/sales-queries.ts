import { defineNamedQuery, integerValue, stringValue } from './named-query';

const PERIOD = [
  { name: 'from', type: 'date', description: 'First order day included (YYYY-MM-DD)', default: '2020-01-01' },
  { name: 'to', type: 'date', description: 'First order day excluded (YYYY-MM-DD)', default: '2026-01-01' },
] as const;

export const TOP_SELLING_PARTS = defineNamedQuery({
  name: 'top_selling_parts',
  description: 'Top-selling parts in a period: units sold, revenue and number of orders per part, best sellers first.',
  parameters: [...PERIOD, { name: 'limit', type: 'integer', description: 'How many parts', default: 10, min: 1, max: 10_000 }],
  tables: ['sales_order_parts', 'sales_order', 'auto_parts'],
  build: (qb, v) =>
    qb
      .selectFrom('sales_order_parts', 'sop')
      .innerJoin('sales_order', 'so', (e) => e.eq('so.invoice_number', e.col('sop.invoice_number')))
      .innerJoin('auto_parts', 'ap', (e) => e.eq('ap.sku', e.col('sop.sku')))
      .select((e) => ({
        sku: 'ap.sku',
        description: 'ap.description',
        category: 'ap.category',
        units_sold: e.sum('sop.quantity'),
        revenue: e.sum('sop.line_total'),
        orders: e.countDistinct('sop.invoice_number'),
      }))
      .where((e) => e.and(e.gte('so.order_date', e.dateParam(stringValue(v, 'from'))), e.lt('so.order_date', e.dateParam(stringValue(v, 'to')))))
      .groupBy(() => ['ap.sku', 'ap.description', 'ap.category'])
      .orderBy('units_sold', 'desc')
      .orderBy('revenue', 'desc')
      .orderBy('sku', 'asc')
      .limit(integerValue(v, 'limit')),
});

export const REVENUE_BY_MONTH_AND_ORDER_TYPE = defineNamedQuery({
  name: 'revenue_by_month_and_order_type',
  description: 'Orders and revenue (total_amount) per calendar month and order type (Parts, Service, Mixed).',
  parameters: [...PERIOD],
  tables: ['sales_order'],
  build: (qb, v) =>
    qb
      .selectFrom('sales_order', 'so')
      .select((e) => ({
        month: e.cast<string>(e.dateTrunc('month', 'so.order_date'), 'DATE'),
        order_type: 'so.order_type',
        orders: e.count(),
        revenue: e.sum('so.total_amount'),
      }))
      .where((e) => e.and(e.gte('so.order_date', e.dateParam(stringValue(v, 'from'))), e.lt('so.order_date', e.dateParam(stringValue(v, 'to')))))
      .groupBy((e) => [e.dateTrunc('month', 'so.order_date'), 'so.order_type'])
      .orderBy('month', 'asc')
      .orderBy('order_type', 'asc'),
});

export const AVERAGE_ORDER_VALUE_BY_PAYMENT_METHOD = defineNamedQuery({
  name: 'average_order_value_by_payment_method',
  description: 'Average order value (total_amount, rounded to cents), order count and revenue per payment method in a period.',
  parameters: [...PERIOD],
  tables: ['sales_order'],
  build: (qb, v) =>
    qb
      .selectFrom('sales_order', 'so')
      .select((e) => ({
        payment_method: 'so.payment_method',
        orders: e.count(),
        average_order_value: e.round(e.avg('so.total_amount'), 2),
        revenue: e.sum('so.total_amount'),
      }))
      .where((e) => e.and(e.gte('so.order_date', e.dateParam(stringValue(v, 'from'))), e.lt('so.order_date', e.dateParam(stringValue(v, 'to')))))
      .groupBy(() => ['so.payment_method'])
      .orderBy('average_order_value', 'desc')
      .orderBy('payment_method', 'asc'),
});

export const CUSTOMERS_BY_STATE = defineNamedQuery({
  name: 'customers_by_state',
  description: 'Number of customers per state, most customers first.',
  parameters: [{ name: 'limit', type: 'integer', description: 'How many states', default: 60, min: 1, max: 1000 }],
  tables: ['customers'],
  build: (qb, v) =>
    qb
      .selectFrom('customers', 'c')
      .select((e) => ({ state: 'c.state', customers: e.count() }))
      .groupBy(() => ['c.state'])
      .orderBy('customers', 'desc')
      .orderBy('state', 'asc')
      .limit(integerValue(v, 'limit')),
});
