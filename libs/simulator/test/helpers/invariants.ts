import { TAX_RATE_BASIS_POINTS } from '@autocorp/generator';
import { ORDER_STATUSES, PAYMENT_METHODS } from '@autocorp/schema';
import type pg from 'pg';

/** A text[] literal of fixed vocabulary words (no quotes in them). */
function textArray(words: readonly string[]): string {
  return `ARRAY[${words.map((w) => `'${w}'`).join(', ')}]`;
}

const LINE_SUMS = `
  p AS (SELECT order_id, count(*) AS n, sum(line_total) AS total FROM sales_order_parts GROUP BY order_id),
  s AS (SELECT order_id, count(*) AS n, sum(line_total) AS total FROM sales_order_services GROUP BY order_id)`;

/**
 * The rules the ETL checks on the source data, as SQL over the source tables: each query counts
 * the rows that break one rule (0 everywhere = the invariants hold).
 */
const CHECKS: Readonly<Record<string, string>> = {
  order_subtotal_is_sum_of_lines: `WITH ${LINE_SUMS} SELECT count(*) FROM sales_order o
    LEFT JOIN p USING (order_id) LEFT JOIN s USING (order_id)
    WHERE o.subtotal <> coalesce(p.total, 0) + coalesce(s.total, 0)`,
  order_has_lines: `WITH ${LINE_SUMS} SELECT count(*) FROM sales_order o
    LEFT JOIN p USING (order_id) LEFT JOIN s USING (order_id) WHERE coalesce(p.n, 0) + coalesce(s.n, 0) = 0`,
  order_type_matches_lines: `WITH ${LINE_SUMS} SELECT count(*) FROM sales_order o
    LEFT JOIN p USING (order_id) LEFT JOIN s USING (order_id)
    WHERE o.order_type <> CASE WHEN coalesce(p.n, 0) > 0 AND coalesce(s.n, 0) > 0 THEN 'Mixed'
                               WHEN coalesce(p.n, 0) > 0 THEN 'Parts' ELSE 'Service' END`,
  order_tax_is_rate_of_subtotal: `SELECT count(*) FROM sales_order
    WHERE tax <> floor((subtotal * 100 * ${TAX_RATE_BASIS_POINTS} + 5000) / 10000) / 100`,
  order_total_is_subtotal_plus_tax: 'SELECT count(*) FROM sales_order WHERE total_amount <> subtotal + tax',
  order_status_known: `SELECT count(*) FROM sales_order WHERE NOT (status = ANY(${textArray(ORDER_STATUSES)}))`,
  order_payment_known: `SELECT count(*) FROM sales_order WHERE NOT (payment_method = ANY(${textArray(PAYMENT_METHODS)}))`,
  order_updated_after_created: 'SELECT count(*) FROM sales_order WHERE updated_at < created_at',
  order_invoice_follows_id: `SELECT count(*) FROM sales_order WHERE invoice_number <> 'INV-' || (1000000000 + order_id)`,
  part_line_total: 'SELECT count(*) FROM sales_order_parts WHERE line_total <> quantity * unit_price',
  service_line_total: 'SELECT count(*) FROM sales_order_services WHERE line_total <> labor_cost + parts_cost',
  service_line_minutes: `SELECT count(*) FROM sales_order_services l JOIN service v USING (serviceid)
    WHERE l.labor_minutes <> v.labor_minutes * l.quantity`,
  service_labor_cost_matches_rate:
    'SELECT count(*) FROM service WHERE abs(labor_cost - labor_rate * labor_minutes / 60) > 0.01',
};

/** Rows breaking each rule; every value is 0 when the invariants hold. */
export async function invariantViolations(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const { rows } = await pool.query<{ count: string }>(sql);
    out[name] = Number(rows[0]?.count);
  }
  return out;
}

/** Every order's status, by order id. */
export async function orderStatuses(pool: pg.Pool): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ order_id: string; status: string }>('SELECT order_id, status FROM sales_order');
  return new Map(rows.map((r) => [Number(r.order_id), r.status]));
}
