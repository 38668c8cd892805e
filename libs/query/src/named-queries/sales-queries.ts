import type { QueryBuilder, SelectQueryBuilder } from '../builder/select-query-builder';
import type { ColumnRef, Database, Scope } from '../builder/types';
import type { CuratedDb } from './curated-db';
import { type NamedQueryValues, defineNamedQuery, integerValue, optionalStringValue } from './named-query';

/** The period parameters: without a value they take the data's own range (see NamedQueryDefinition.dataPeriod). */
const PERIOD = [
  {
    name: 'from',
    type: 'date',
    description: 'First order day included (YYYY-MM-DD)',
    dataDefault: 'the first order day in the data',
  },
  {
    name: 'to',
    type: 'date',
    description: 'First order day excluded (YYYY-MM-DD)',
    dataDefault: 'the day after the latest order day in the data',
  },
] as const;

/** The first and latest order day of the orders (`first_day`, `last_day`). */
function orderDays(qb: QueryBuilder<CuratedDb>) {
  return qb.selectFrom('sales_order', 'so').select((e) => ({
    first_day: e.cast<string | null>(e.min('so.order_date'), 'DATE'),
    last_day: e.cast<string | null>(e.max('so.order_date'), 'DATE'),
  }));
}

/** The first and latest order day of the part lines (each line carries its order's day). */
function partLineDays(qb: QueryBuilder<CuratedDb>) {
  return qb
    .selectFrom('sales_order_line_items', 'li')
    .select((e) => ({
      first_day: e.cast<string | null>(e.min('li.order_date'), 'DATE'),
      last_day: e.cast<string | null>(e.max('li.order_date'), 'DATE'),
    }))
    .where((e) => e.eq('li.line_type', 'part'));
}

/** Keeps the rows whose order day is in [from, to); a bound left out does not filter (the data's own range). */
function withinPeriod<DB extends Database, S extends Scope, O>(
  query: SelectQueryBuilder<DB, S, O>,
  v: NamedQueryValues,
  day: ColumnRef<DB, S>,
): SelectQueryBuilder<DB, S, O> {
  const from = optionalStringValue(v, 'from');
  const to = optionalStringValue(v, 'to');
  const bounded = from === undefined ? query : query.where((e) => e.gte(day, e.dateParam(from)));
  return to === undefined ? bounded : bounded.where((e) => e.lt(day, e.dateParam(to)));
}

/**
 * Reads the denormalized sales_order_line_items (part lines carry order date, description and
 * category), so the period filter needs no join of 2.4M lines with 1.2M orders. `orders` sums the
 * job's first_line_of_sku_in_invoice flag rather than counting distinct invoice numbers.
 */
export const TOP_SELLING_PARTS = defineNamedQuery({
  name: 'top_selling_parts',
  description: 'Top-selling parts in a period: units sold, revenue and number of orders per part, best sellers first.',
  parameters: [
    ...PERIOD,
    { name: 'limit', type: 'integer', description: 'How many parts', default: 10, min: 1, max: 10_000 },
  ],
  tables: ['sales_order_line_items'],
  dataPeriod: partLineDays,
  build: (qb, v) =>
    withinPeriod(
      qb
        .selectFrom('sales_order_line_items', 'li')
        .select((e) => ({
          sku: 'li.item_code',
          description: 'li.item_description',
          category: 'li.item_category',
          units_sold: e.sum('li.quantity'),
          revenue: e.sum('li.line_total'),
          // The flag is 1 on one line per (invoice, SKU) and every line of an invoice has its order date,
          // so its sum over a period is the exact count of distinct invoices, without a distinct hash.
          orders: e.cast<number>(e.sum('li.first_line_of_sku_in_invoice'), 'BIGINT'),
        }))
        .where((e) => e.eq('li.line_type', 'part'))
        .groupBy(() => ['li.item_code', 'li.item_description', 'li.item_category'])
        .orderBy('units_sold', 'desc')
        .orderBy('revenue', 'desc')
        .orderBy('sku', 'asc')
        .limit(integerValue(v, 'limit')),
      v,
      'li.order_date',
    ),
});

export const REVENUE_BY_MONTH_AND_ORDER_TYPE = defineNamedQuery({
  name: 'revenue_by_month_and_order_type',
  description: 'Orders and revenue (total_amount) per calendar month and order type (Parts, Service, Mixed).',
  parameters: [...PERIOD],
  tables: ['sales_order'],
  dataPeriod: orderDays,
  build: (qb, v) =>
    withinPeriod(
      qb
        .selectFrom('sales_order', 'so')
        .select((e) => ({
          month: e.cast<string>(e.dateTrunc('month', 'so.order_date'), 'DATE'),
          order_type: 'so.order_type',
          orders: e.count(),
          revenue: e.sum('so.total_amount'),
        }))
        .groupBy((e) => [e.dateTrunc('month', 'so.order_date'), 'so.order_type'])
        .orderBy('month', 'asc')
        .orderBy('order_type', 'asc'),
      v,
      'so.order_date',
    ),
});

export const AVERAGE_ORDER_VALUE_BY_PAYMENT_METHOD = defineNamedQuery({
  name: 'average_order_value_by_payment_method',
  description:
    'Average order value (total_amount, rounded to cents), order count and revenue per payment method in a period.',
  parameters: [...PERIOD],
  tables: ['sales_order'],
  dataPeriod: orderDays,
  build: (qb, v) =>
    withinPeriod(
      qb
        .selectFrom('sales_order', 'so')
        .select((e) => ({
          payment_method: 'so.payment_method',
          orders: e.count(),
          average_order_value: e.round(e.avg('so.total_amount'), 2),
          revenue: e.sum('so.total_amount'),
        }))
        .groupBy(() => ['so.payment_method'])
        .orderBy('average_order_value', 'desc')
        .orderBy('payment_method', 'asc'),
      v,
      'so.order_date',
    ),
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
