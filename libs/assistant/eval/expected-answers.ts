import { EvalOracle, type Period, exactAverage } from './eval-oracle';
import type { Expected } from './eval-types';

const { within, quote } = EvalOracle;
const money = (v: unknown) => Number(v ?? 0);

/** The parts (SKU, quantity) of every service whose name contains `name`, and the service names. */
export async function serviceParts(o: EvalOracle, name: string): Promise<Expected> {
  const rows = await o.rows(
    `SELECT s.service, sp.sku, sp.quantity FROM service_parts sp JOIN service s ON s.serviceid = sp.serviceid WHERE lower(s.service) LIKE ${quote(`%${name.toLowerCase()}%`)} ORDER BY s.service, sp.sku`,
  );
  return { entities: [...new Set(rows.flatMap((r) => [String(r['service']), String(r['sku'])]))] };
}

/** The parts of one service by id, and their list-price cost. */
export async function servicePartsById(o: EvalOracle, serviceid: string): Promise<Expected> {
  const rows = await o.rows(`SELECT sku FROM service_parts WHERE serviceid = ${quote(serviceid)} ORDER BY sku`);
  return { entities: [serviceid, ...rows.map((r) => String(r['sku']))] };
}

/** The services requiring any part whose description starts with `type`. */
export async function servicesUsing(o: EvalOracle, type: string): Promise<Expected> {
  const rows = await o.rows(
    `SELECT DISTINCT s.service FROM service_parts sp JOIN service s ON s.serviceid = sp.serviceid JOIN auto_parts p ON p.sku = sp.sku WHERE p.description LIKE ${quote(`${type} - %`)} ORDER BY 1`,
  );
  return { entities: rows.map((r) => String(r['service'])) };
}

/** The list-price cost of the parts one service (by exact name) requires. */
export async function servicePartsCost(o: EvalOracle, name: string): Promise<Expected> {
  const cost = await o.value(
    `SELECT sum(sp.quantity * p.price) FROM service_parts sp JOIN service s ON s.serviceid = sp.serviceid JOIN auto_parts p ON p.sku = sp.sku WHERE s.service = ${quote(name)}`,
  );
  return { numbers: [cost], entities: [name] };
}

/** Labor minutes and cost of one service by exact name. */
export async function serviceLabor(o: EvalOracle, name: string): Promise<Expected> {
  const [row] = await o.rows(`SELECT labor_minutes, labor_cost FROM service WHERE service = ${quote(name)}`);
  return { numbers: [Number(row?.['labor_minutes']), money(row?.['labor_cost'])], entities: [name] };
}

/** The SKUs and prices of the parts whose description starts with `type` (all grades). */
export async function partPrices(o: EvalOracle, type: string, also: 'price' | 'stock' = 'price'): Promise<Expected> {
  const rows = await o.rows(
    `SELECT sku, price, stock_quantity FROM auto_parts WHERE description LIKE ${quote(`${type} - %`)} ORDER BY sku`,
  );
  return {
    entities: rows.map((r) => String(r['sku'])),
    numbers: rows.map((r) => (also === 'price' ? money(r['price']) : Number(r['stock_quantity']))),
  };
}

/** The top `limit` parts or services of a period by units, then line revenue, then code. */
export async function topItems(
  o: EvalOracle,
  lineType: 'part' | 'service',
  period: Period,
  limit: number,
  category?: string,
): Promise<Expected> {
  const rows = await o.rows(
    `SELECT item_code, sum(quantity) AS units FROM sales_order_line_items WHERE line_type = ${quote(lineType)} AND ${within(period)}${category ? ` AND item_category = ${quote(category)}` : ''} GROUP BY item_code ORDER BY units DESC, sum(line_total) DESC, item_code LIMIT ${limit}`,
  );
  return { entities: rows.map((r) => String(r['item_code'])), numbers: rows.map((r) => Number(r['units'])), period };
}

/** Orders filter on the order's own table (sales_order), with the customer's state from customers. */
export interface OrderFilter {
  readonly paymentMethod?: string;
  readonly orderType?: string;
  readonly state?: string;
  readonly status?: string;
}

function orderWhere(period: Period, filter: OrderFilter): string {
  const parts = [within(period, 'so.order_date')];
  if (filter.paymentMethod) parts.push(`so.payment_method = ${quote(filter.paymentMethod)}`);
  if (filter.orderType) parts.push(`so.order_type = ${quote(filter.orderType)}`);
  if (filter.state) parts.push(`c.state = ${quote(filter.state)}`);
  if (filter.status) parts.push(`so.status = ${quote(filter.status)}`);
  return parts.join(' AND ');
}

/** Revenue (sum of total_amount), order count and exact average order value of the orders of a period. */
export async function orderTotals(o: EvalOracle, period: Period, filter: OrderFilter = {}) {
  const [row] = await o.rows(
    `SELECT count(*) AS n, sum(so.total_amount) AS revenue FROM sales_order so LEFT JOIN customers c ON c.customer_id = so.customer_id WHERE ${orderWhere(period, filter)}`,
  );
  const n = Number(row?.['n'] ?? 0);
  return { orders: n, revenue: money(row?.['revenue']), average: exactAverage(row?.['revenue'] as string, n) };
}

export async function revenue(o: EvalOracle, period: Period, filter: OrderFilter = {}): Promise<Expected> {
  return { numbers: [(await orderTotals(o, period, filter)).revenue], period };
}

export async function orderCount(o: EvalOracle, period: Period, filter: OrderFilter = {}): Promise<Expected> {
  return { numbers: [(await orderTotals(o, period, filter)).orders], period };
}

export async function averageOrderValue(o: EvalOracle, period: Period, filter: OrderFilter = {}): Promise<Expected> {
  return { numbers: [(await orderTotals(o, period, filter)).average], period };
}

/** Line revenue of a category's (or items') order lines in a period. */
export async function lineRevenue(o: EvalOracle, period: Period, where: string): Promise<Expected> {
  const v = await o.value(
    `SELECT coalesce(sum(line_total), 0) FROM sales_order_line_items WHERE ${within(period)} AND ${where}`,
  );
  return { numbers: [v], period };
}

/** Average order value per payment method (all of them) in a period. */
export async function averageByPaymentMethod(
  o: EvalOracle,
  period: Period,
  methods?: readonly string[],
): Promise<Expected> {
  const rows = await o.rows(
    `SELECT payment_method, count(*) AS n, sum(total_amount) AS revenue FROM sales_order WHERE ${within(period)} AND payment_method IS NOT NULL GROUP BY payment_method ORDER BY payment_method`,
  );
  const chosen = methods ? rows.filter((r) => methods.includes(String(r['payment_method']))) : rows;
  return {
    entities: chosen.map((r) => String(r['payment_method'])),
    numbers: chosen.map((r) => exactAverage(r['revenue'] as string, Number(r['n']))),
    period,
  };
}

/** The most used payment method of a period and its order count. */
export async function mostUsedPaymentMethod(o: EvalOracle, period: Period): Promise<Expected> {
  const [row] = await o.rows(
    `SELECT payment_method, count(*) AS n FROM sales_order WHERE ${within(period)} AND payment_method IS NOT NULL GROUP BY payment_method ORDER BY n DESC, payment_method LIMIT 1`,
  );
  return { entities: [String(row?.['payment_method'])], numbers: [Number(row?.['n'])], period };
}

/** Customers in a state (zero when none). */
export async function customersIn(o: EvalOracle, state: string): Promise<Expected> {
  return {
    numbers: [await o.value(`SELECT count(*) FROM customers WHERE state = ${quote(state)}`)],
    entities: [state],
  };
}

/** The state with the most customers (first by code on a tie) and its count. */
export async function topCustomerState(o: EvalOracle): Promise<Expected> {
  const [row] = await o.rows(
    'SELECT state, count(*) AS n FROM customers GROUP BY state ORDER BY n DESC, state LIMIT 1',
  );
  return { entities: [String(row?.['state'])], numbers: [Number(row?.['n'])] };
}

/** The services needing the most distinct parts, and that number. */
export async function mostComplexServices(o: EvalOracle): Promise<Expected> {
  const rows = await o.rows(
    'SELECT s.service, count(*) AS n FROM service_parts sp JOIN service s ON s.serviceid = sp.serviceid GROUP BY s.service ORDER BY n DESC',
  );
  const top = Number(rows[0]?.['n'] ?? 0);
  return { entities: rows.filter((r) => Number(r['n']) === top).map((r) => String(r['service'])), numbers: [top] };
}

/** Orders and revenue per order type in a period. */
export async function byOrderType(o: EvalOracle, period: Period): Promise<Expected> {
  const rows = await o.rows(
    `SELECT order_type, count(*) AS n, sum(total_amount) AS revenue FROM sales_order WHERE ${within(period)} GROUP BY order_type`,
  );
  return {
    entities: rows.map((r) => String(r['order_type'])),
    numbers: rows.flatMap((r) => [Number(r['n']), money(r['revenue'])]),
    period,
  };
}
