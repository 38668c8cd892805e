import { formatCents, orderTypeOf, taxCents } from '@autocorp/generator';
import type { OrderStatus } from '../order-lifecycle';
import { type OpenOrder, subtotalOf } from '../state/source-state';
import type { Statement } from './planned-transaction';

export function insertPartLine(
  lineItemId: number,
  orderId: number,
  line: { sku: string; quantity: number; unitCents: number; totalCents: number },
  at: string,
): Statement {
  return {
    table: 'sales_order_parts',
    action: 'insert',
    text: 'INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    values: [
      lineItemId,
      orderId,
      line.sku,
      line.quantity,
      formatCents(line.unitCents),
      formatCents(line.totalCents),
      at,
    ],
  };
}

export function insertServiceLine(
  lineItemId: number,
  orderId: number,
  line: { serviceid: string; quantity: number; laborMinutes: number; laborCents: number; partsCents: number },
  at: string,
): Statement {
  return {
    table: 'sales_order_services',
    action: 'insert',
    text: 'INSERT INTO sales_order_services (line_item_id, order_id, serviceid, quantity, labor_minutes, labor_cost, parts_cost, line_total, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    values: [
      lineItemId,
      orderId,
      line.serviceid,
      line.quantity,
      line.laborMinutes,
      formatCents(line.laborCents),
      formatCents(line.partsCents),
      formatCents(line.laborCents + line.partsCents),
      at,
    ],
  };
}

export function updateOrderStatus(orderId: number, status: OrderStatus, at: string): Statement {
  return {
    table: 'sales_order',
    action: 'update',
    text: 'UPDATE sales_order SET status = $1, updated_at = $2 WHERE order_id = $3',
    values: [status, at, orderId],
  };
}

/**
 * Rewrites an order's subtotal, tax, total and type from `order`'s lines (the order as it will be
 * after the transaction): the totals always equal the lines.
 */
export function updateOrderTotals(order: OpenOrder, at: string): Statement {
  const subtotal = subtotalOf(order);
  const tax = taxCents(subtotal);
  return {
    table: 'sales_order',
    action: 'update',
    text: 'UPDATE sales_order SET subtotal = $1, tax = $2, total_amount = $3, order_type = $4, updated_at = $5 WHERE order_id = $6',
    values: [
      formatCents(subtotal),
      formatCents(tax),
      formatCents(subtotal + tax),
      orderTypeOf(order.parts.length, order.services.length),
      at,
      order.orderId,
    ],
  };
}

export function deleteRows(table: Statement['table'], keyColumn: string, key: number): Statement {
  return { table, action: 'delete', text: `DELETE FROM ${table} WHERE ${keyColumn} = $1`, values: [key] };
}
