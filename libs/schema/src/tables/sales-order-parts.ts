import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, numeric, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { autoParts } from './auto-parts';
import { salesOrder } from './sales-order';

/** Parts sold directly on an order (not as part of a service). */
export const salesOrderParts = pgTable(
  'sales_order_parts',
  {
    lineItemId: bigint('line_item_id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => salesOrder.orderId, { onDelete: 'cascade' }),
    sku: varchar('sku', { length: 50 })
      .notNull()
      .references(() => autoParts.sku),
    quantity: integer('quantity').notNull(),
    unitPrice: numeric('unit_price', { precision: 10, scale: 2 }).notNull(),
    /** quantity * unit_price */
    lineTotal: numeric('line_total', { precision: 12, scale: 2 }).notNull(),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    check('sales_order_parts_quantity_positive', sql`${t.quantity} > 0`),
    check('sales_order_parts_unit_price_non_negative', sql`${t.unitPrice} >= 0`),
    index('sales_order_parts_order_idx').on(t.orderId),
    index('sales_order_parts_sku_idx').on(t.sku),
  ],
);
