import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, numeric, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { salesOrder } from './sales-order';
import { service } from './service';

/** Services performed on an order: labor plus the cost of the service's required parts. */
export const salesOrderServices = pgTable(
  'sales_order_services',
  {
    lineItemId: bigint('line_item_id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => salesOrder.orderId, { onDelete: 'cascade' }),
    serviceid: varchar('serviceid', { length: 50 })
      .notNull()
      .references(() => service.serviceid),
    quantity: integer('quantity').notNull().default(1),
    laborMinutes: integer('labor_minutes').notNull(),
    laborCost: numeric('labor_cost', { precision: 10, scale: 2 }).notNull(),
    /** Sum over the service's required parts of quantity * part price, times the line quantity. */
    partsCost: numeric('parts_cost', { precision: 10, scale: 2 }).notNull().default('0'),
    /** labor_cost + parts_cost */
    lineTotal: numeric('line_total', { precision: 12, scale: 2 }).notNull(),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    check('sales_order_services_quantity_positive', sql`${t.quantity} > 0`),
    check('sales_order_services_labor_minutes_positive', sql`${t.laborMinutes} > 0`),
    index('sales_order_services_order_idx').on(t.orderId),
    index('sales_order_services_serviceid_idx').on(t.serviceid),
  ],
);
