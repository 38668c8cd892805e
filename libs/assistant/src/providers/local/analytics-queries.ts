import { type BuiltQuery, CURATED_QUERY_SCHEMA, type CuratedDb, createQueryBuilder } from '@autocorp/query';
import type { TimeRange } from '../../contract/answer';
import type { ResolvedEntities } from '../../contract/provider';

const qb = () => createQueryBuilder<CuratedDb>(CURATED_QUERY_SCHEMA);

/** The first and latest order day of the orders: the data's own calendar. */
export function calendarQuery(): BuiltQuery {
  return qb()
    .selectFrom('sales_order', 'so')
    .select((e) => ({
      first_day: e.cast<string | null>(e.min('so.order_date'), 'DATE'),
      last_day: e.cast<string | null>(e.max('so.order_date'), 'DATE'),
    }));
}

/** Orders, revenue (total_amount) and average order value over a period, filtered by the order's own columns; optionally per month. */
export function orderMetricsQuery(range: TimeRange, entities: ResolvedEntities, byMonth: boolean): BuiltQuery {
  let query = qb()
    .selectFrom('sales_order_fact', 'f')
    .where((e) => e.and(e.gte('f.order_date', e.dateParam(range.from)), e.lt('f.order_date', e.dateParam(range.to))));
  if (entities.paymentMethods.length > 0) query = query.where((e) => e.in('f.payment_method', entities.paymentMethods));
  if (entities.orderTypes.length > 0) query = query.where((e) => e.in('f.order_type', entities.orderTypes));
  if (entities.states.length > 0) query = query.where((e) => e.in('f.customer_state', entities.states));
  const statuses = entities.statuses ?? [];
  if (statuses.length > 0) query = query.where((e) => e.in('f.status', statuses));
  if (!byMonth)
    return query.select((e) => ({
      orders: e.count(),
      revenue: e.coalesce(e.sum('f.total_amount'), 0),
      average_order_value: e.round(e.avg('f.total_amount'), 2),
    }));
  return query
    .select((e) => ({
      month: e.cast<string>(e.dateTrunc('month', 'f.order_date'), 'DATE'),
      orders: e.count(),
      revenue: e.sum('f.total_amount'),
      average_order_value: e.round(e.avg('f.total_amount'), 2),
    }))
    .groupBy((e) => [e.dateTrunc('month', 'f.order_date')])
    .orderBy('month', 'asc');
}

/** Sales of order lines (parts, services or both) in categories or of given items: line revenue, units and orders. */
export function lineMetricsQuery(range: TimeRange, entities: ResolvedEntities): BuiltQuery {
  let query = qb()
    .selectFrom('sales_order_line_items', 'li')
    .where((e) => e.and(e.gte('li.order_date', e.dateParam(range.from)), e.lt('li.order_date', e.dateParam(range.to))));
  const codes = [...entities.services, ...entities.parts];
  if (codes.length > 0) query = query.where((e) => e.in('li.item_code', codes));
  if (entities.categories.length > 0) query = query.where((e) => e.in('li.item_category', entities.categories));
  if (entities.orderTypes.length > 0) query = query.where((e) => e.in('li.order_type', entities.orderTypes));
  return query.select((e) => ({
    revenue: e.coalesce(e.sum('li.line_total'), 0),
    units: e.coalesce(e.sum('li.quantity'), 0),
    orders: e.countDistinct('li.invoice_number'),
  }));
}

/** The best-selling parts or services of a period (units, then revenue, then code), optionally within categories. */
export function topItemsQuery(
  lineType: 'part' | 'service',
  range: TimeRange,
  categories: readonly string[],
  limit: number,
): BuiltQuery {
  let query = qb()
    .selectFrom('sales_order_line_items', 'li')
    .where((e) =>
      e.and(
        e.eq('li.line_type', lineType),
        e.gte('li.order_date', e.dateParam(range.from)),
        e.lt('li.order_date', e.dateParam(range.to)),
      ),
    );
  if (categories.length > 0) query = query.where((e) => e.in('li.item_category', categories));
  return query
    .select((e) => ({
      item_code: 'li.item_code',
      description: 'li.item_description',
      category: 'li.item_category',
      units_sold: e.sum('li.quantity'),
      revenue: e.sum('li.line_total'),
      // Part lines carry a flag that is 1 on one line per (invoice, SKU): its sum counts the orders without a distinct.
      orders:
        lineType === 'part'
          ? e.cast<number>(e.sum('li.first_line_of_sku_in_invoice'), 'BIGINT')
          : e.countDistinct('li.invoice_number'),
    }))
    .groupBy(() => ['li.item_code', 'li.item_description', 'li.item_category'])
    .orderBy('units_sold', 'desc')
    .orderBy('revenue', 'desc')
    .orderBy('item_code', 'asc')
    .limit(limit);
}

/** Parts by SKU with their catalog fields. */
export function partsQuery(skus: readonly string[]): BuiltQuery {
  return qb()
    .selectFrom('auto_parts', 'p')
    .select(() => ({
      sku: 'p.sku',
      description: 'p.description',
      category: 'p.category',
      manufacturer: 'p.manufacturer',
      price: 'p.price',
      stock_quantity: 'p.stock_quantity',
    }))
    .where((e) => e.in('p.sku', skus))
    .orderBy('sku', 'asc');
}

/** The services that require any of the given parts, with the quantity of each. */
export function servicesUsingQuery(skus: readonly string[]): BuiltQuery {
  return qb()
    .selectFrom('service_parts', 'sp')
    .innerJoin('service', 's', (e) => e.eq('s.serviceid', e.col('sp.serviceid')))
    .select(() => ({ serviceid: 's.serviceid', service: 's.service', sku: 'sp.sku', quantity: 'sp.quantity' }))
    .where((e) => e.in('sp.sku', skus))
    .orderBy('serviceid', 'asc')
    .orderBy('sku', 'asc');
}
