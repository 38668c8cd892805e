import type { NamedQueryValues } from '@autocorp/query';

/** PostgreSQL SQL (over the source tables and the oracle views) answering one named query for given parameter values. */
export interface ExpectedAnswer {
  readonly sql: string;
  readonly params: readonly unknown[];
}

const date = (values: NamedQueryValues, name: string) => `${String(values[name])} 00:00:00`;

/**
 * The named queries written again by hand against the sources. Text orders use COLLATE "C"
 * (byte order, as DuckDB and Trino sort).
 */
export const EXPECTED_ANSWERS: Readonly<Record<string, (values: NamedQueryValues) => ExpectedAnswer>> = {
  top_selling_parts: (v) => ({
    sql: `SELECT l.sku, a.description, a.category, sum(l.quantity) AS units_sold, sum(l.line_total) AS revenue, count(DISTINCT l.invoice_number) AS orders
      FROM oracle.part_lines l JOIN oracle.orders o ON o.invoice_number = l.invoice_number JOIN public.auto_parts a ON a.sku = l.sku
      WHERE o.order_date >= $1::timestamp AND o.order_date < $2::timestamp
      GROUP BY l.sku, a.description, a.category
      ORDER BY units_sold DESC, revenue DESC, l.sku COLLATE "C" LIMIT $3`,
    params: [date(v, 'from'), date(v, 'to'), v['limit']],
  }),
  revenue_by_month_and_order_type: (v) => ({
    sql: `SELECT date_trunc('month', order_date)::date AS month, order_type, count(*) AS orders, sum(total_amount) AS revenue
      FROM oracle.orders WHERE order_date >= $1::timestamp AND order_date < $2::timestamp
      GROUP BY 1, 2 ORDER BY 1, order_type COLLATE "C"`,
    params: [date(v, 'from'), date(v, 'to')],
  }),
  service_complexity: (v) => ({
    sql: `SELECT s.serviceid, s.service, s.category, s.labor_minutes, count(sp.sku) AS parts_count,
        coalesce(sum(sp.quantity), 0) AS total_parts_quantity, coalesce(sum(sp.quantity * a.price), 0) AS parts_cost
      FROM public.service s LEFT JOIN public.service_parts sp ON sp.serviceid = s.serviceid LEFT JOIN public.auto_parts a ON a.sku = sp.sku
      GROUP BY s.serviceid, s.service, s.category, s.labor_minutes HAVING count(sp.sku) >= $1
      ORDER BY parts_count DESC, s.serviceid COLLATE "C" LIMIT $2`,
    params: [v['min_parts'], v['limit']],
  }),
  customers_by_state: (v) => ({
    sql: `SELECT state, count(*) AS customers FROM public.customers GROUP BY state ORDER BY customers DESC, state COLLATE "C" LIMIT $1`,
    params: [v['limit']],
  }),
  average_order_value_by_payment_method: (v) => ({
    sql: `SELECT payment_method, count(*) AS orders, round(avg(total_amount), 2) AS average_order_value, sum(total_amount) AS revenue
      FROM oracle.orders WHERE order_date >= $1::timestamp AND order_date < $2::timestamp
      GROUP BY payment_method ORDER BY average_order_value DESC, payment_method COLLATE "C"`,
    params: [date(v, 'from'), date(v, 'to')],
  }),
  service_with_parts: (v) => ({
    sql: `SELECT s.serviceid, s.service, s.category AS service_category, s.labor_minutes, s.labor_cost, a.sku, a.description AS part_description,
        a.manufacturer, sp.quantity, a.price AS unit_price, sp.quantity * a.price AS line_cost
      FROM public.service s JOIN public.service_parts sp ON sp.serviceid = s.serviceid JOIN public.auto_parts a ON a.sku = sp.sku
      WHERE s.serviceid = $1 ORDER BY a.sku COLLATE "C"`,
    params: [v['serviceid']],
  }),
};

/**
 * The data's own period of each period query, from the sources: its first order day and the day
 * after its latest one (what a query run without from/to must cover and report).
 */
export const EXPECTED_DATA_PERIODS: Readonly<Record<string, string>> = {
  top_selling_parts: `SELECT to_char(min(o.order_date), 'YYYY-MM-DD') AS "from", to_char(max(o.order_date) + interval '1 day', 'YYYY-MM-DD') AS "to"
    FROM oracle.part_lines l JOIN oracle.orders o ON o.invoice_number = l.invoice_number`,
  revenue_by_month_and_order_type: `SELECT to_char(min(order_date), 'YYYY-MM-DD') AS "from", to_char(max(order_date) + interval '1 day', 'YYYY-MM-DD') AS "to" FROM oracle.orders`,
  average_order_value_by_payment_method: `SELECT to_char(min(order_date), 'YYYY-MM-DD') AS "from", to_char(max(order_date) + interval '1 day', 'YYYY-MM-DD') AS "to" FROM oracle.orders`,
};
