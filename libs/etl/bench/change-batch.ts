import type pg from 'pg';

/** The batch: 4,000 + 3,000 + 1,000 + 500 + 1,470 + 10 + 20 row changes (see applyChangeBatch). */
const ORDER_UPDATES = 4_000;
const NEW_ORDERS = 1_500;
const DELETED_ORDERS = 500;
const DELETED_LINES = 500;
const LINE_UPDATES = 1_470;
const CUSTOMER_UPDATES = 10;
const PRICE_CHANGES = 20;
export const BATCH_CHANGES =
  ORDER_UPDATES + 2 * NEW_ORDERS + 2 * DELETED_ORDERS + DELETED_LINES + LINE_UPDATES + CUSTOMER_UPDATES + PRICE_CHANGES;
/** Invoice numbers of the bench's own orders, far above the generator's. */
const INVOICE_BASE = 1_900_000_000;

/** What the batch changes, chosen before it and kept to put PostgreSQL back afterwards. */
export interface ChangeBatch {
  readonly maxOrderId: number;
  readonly maxLineId: number;
  readonly orders: { readonly ids: string[]; readonly statuses: string[] };
  readonly lines: { readonly ids: string[]; readonly quantities: number[] };
  readonly customers: { readonly ids: number[]; readonly states: string[] };
  readonly parts: { readonly skus: string[]; readonly prices: string[] };
}

export async function prepareChangeBatch(pool: pg.Pool): Promise<ChangeBatch> {
  const one = async (sql: string) => Number((await pool.query<{ v: string }>(sql)).rows[0]?.v);
  const orders = (
    await pool.query<{ order_id: string; status: string }>(
      'SELECT order_id, status FROM sales_order ORDER BY order_date DESC, order_id LIMIT $1',
      [ORDER_UPDATES],
    )
  ).rows;
  const lines = (
    await pool.query<{ line_item_id: string; quantity: number }>(
      'SELECT line_item_id, quantity FROM sales_order_parts ORDER BY line_item_id DESC LIMIT $1',
      [LINE_UPDATES],
    )
  ).rows;
  const customers = (
    await pool.query<{ customer_id: number; state: string }>(
      'SELECT customer_id, state FROM customers ORDER BY customer_id LIMIT $1',
      [CUSTOMER_UPDATES],
    )
  ).rows;
  const parts = (
    await pool.query<{ sku: string; price: string }>(
      'SELECT sku, price FROM auto_parts WHERE sku IN (SELECT sku FROM service_parts) ORDER BY sku LIMIT $1',
      [PRICE_CHANGES],
    )
  ).rows;
  return {
    maxOrderId: await one('SELECT max(order_id) AS v FROM sales_order'),
    maxLineId: await one(
      'SELECT greatest((SELECT max(line_item_id) FROM sales_order_parts), (SELECT max(line_item_id) FROM sales_order_services)) AS v',
    ),
    orders: { ids: orders.map((o) => o.order_id), statuses: orders.map((o) => o.status) },
    lines: { ids: lines.map((l) => l.line_item_id), quantities: lines.map((l) => l.quantity) },
    customers: { ids: customers.map((c) => c.customer_id), states: customers.map((c) => c.state) },
    parts: { skus: parts.map((p) => p.sku), prices: parts.map((p) => p.price) },
  };
}

const INSERT_ORDERS = `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at)
  SELECT $1::BIGINT + g, c.customer_id, TIMESTAMP '2025-12-31 09:00:00' + g * interval '1 second', 'INV-' || ($2::BIGINT + $1::BIGINT + g),
    'Cash', 10.00, 0.83, 10.83, 'Parts', 'Pending', NULL, TIMESTAMP '2025-12-31 09:00:00', TIMESTAMP '2025-12-31 09:00:00'
  FROM generate_series(1, $3::INT) g, (SELECT min(customer_id) AS customer_id FROM customers) c`;

/** One part line per order id in ($1 + 1 .. $1 + $3], line ids from $2 + 1. */
const INSERT_LINES = `INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total, created_at)
  SELECT $2::BIGINT + g, $1::BIGINT + g, p.sku, 1, 10.00, 10.00, TIMESTAMP '2025-12-31 09:00:00'
  FROM generate_series(1, $3::INT) g, (SELECT min(sku) AS sku FROM auto_parts) p`;

/**
 * `setup`: 500 bench orders with a part line each, and 500 extra part lines on the most recent
 * orders (the batch deletes both). `batch`, one transaction: order status updates, new orders with a
 * line each, the bench orders deleted (their lines by cascade), the extra lines deleted, part line
 * quantity updates, customer state changes and part price changes.
 */
export async function applyChangeBatch(pool: pg.Pool, b: ChangeBatch, step: 'setup' | 'batch'): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (step === 'setup') {
      await client.query(INSERT_ORDERS, [b.maxOrderId, INVOICE_BASE, DELETED_ORDERS]);
      await client.query(INSERT_LINES, [b.maxOrderId, b.maxLineId, DELETED_ORDERS]);
      await client.query(
        `INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total, created_at)
         SELECT $1::BIGINT + $2::BIGINT + row_number() OVER (), o.id::BIGINT, p.sku, 1, 10.00, 10.00, TIMESTAMP '2025-12-31 09:00:00'
         FROM unnest($3::BIGINT[]) o(id), (SELECT min(sku) AS sku FROM auto_parts) p`,
        [b.maxLineId, DELETED_ORDERS, b.orders.ids.slice(0, DELETED_LINES)],
      );
    } else {
      await client.query(
        `UPDATE sales_order SET status = 'Refunded', updated_at = updated_at + interval '1 hour' WHERE order_id = ANY($1::BIGINT[])`,
        [b.orders.ids],
      );
      await client.query(INSERT_ORDERS, [b.maxOrderId + DELETED_ORDERS, INVOICE_BASE, NEW_ORDERS]);
      await client.query(INSERT_LINES, [b.maxOrderId + DELETED_ORDERS, b.maxLineId + 2 * DELETED_ORDERS, NEW_ORDERS]);
      await client.query('DELETE FROM sales_order WHERE order_id > $1 AND order_id <= $2', [
        b.maxOrderId,
        b.maxOrderId + DELETED_ORDERS,
      ]);
      await client.query('DELETE FROM sales_order_parts WHERE line_item_id > $1 AND line_item_id <= $2', [
        b.maxLineId + DELETED_ORDERS,
        b.maxLineId + DELETED_ORDERS + DELETED_LINES,
      ]);
      await client.query(
        'UPDATE sales_order_parts SET quantity = quantity + 1, line_total = (quantity + 1) * unit_price WHERE line_item_id = ANY($1::BIGINT[])',
        [b.lines.ids],
      );
      await client.query(
        `UPDATE customers SET state = CASE WHEN state = 'TX' THEN 'CA' ELSE 'TX' END, updated_at = updated_at + interval '1 hour' WHERE customer_id = ANY($1::INT[])`,
        [b.customers.ids],
      );
      await client.query(
        `UPDATE auto_parts SET price = round(price * 1.1, 2), updated_at = updated_at + interval '1 hour' WHERE sku = ANY($1::TEXT[])`,
        [b.parts.skus],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Puts PostgreSQL back: no bench orders or lines, and the updated rows as they were. */
export async function undoChangeBatch(pool: pg.Pool, b: ChangeBatch, applied: boolean): Promise<void> {
  await pool.query('DELETE FROM sales_order_parts WHERE line_item_id > $1', [b.maxLineId]);
  await pool.query('DELETE FROM sales_order WHERE order_id > $1', [b.maxOrderId]);
  if (!applied) return;
  await pool.query(
    `UPDATE sales_order s SET status = v.status, updated_at = s.updated_at - interval '1 hour' FROM unnest($1::BIGINT[], $2::TEXT[]) v(id, status) WHERE s.order_id = v.id`,
    [b.orders.ids, b.orders.statuses],
  );
  await pool.query(
    `UPDATE sales_order_parts s SET quantity = v.q, line_total = v.q * s.unit_price FROM unnest($1::BIGINT[], $2::INT[]) v(id, q) WHERE s.line_item_id = v.id`,
    [b.lines.ids, b.lines.quantities],
  );
  await pool.query(
    `UPDATE customers c SET state = v.state, updated_at = c.updated_at - interval '1 hour' FROM unnest($1::INT[], $2::TEXT[]) v(id, state) WHERE c.customer_id = v.id`,
    [b.customers.ids, b.customers.states],
  );
  await pool.query(
    `UPDATE auto_parts a SET price = v.price::NUMERIC, updated_at = a.updated_at - interval '1 hour' FROM unnest($1::TEXT[], $2::TEXT[]) v(sku, price) WHERE a.sku = v.sku`,
    [b.parts.skus, b.parts.prices],
  );
}
