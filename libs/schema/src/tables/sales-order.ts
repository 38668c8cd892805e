import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, numeric, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { type OrderType } from '../order-vocabulary';
import { customers } from './customers';

/** Order header; totals equal the sum of the order's lines plus tax. */
export const salesOrder = pgTable(
  'sales_order',
  {
    orderId: bigint('order_id', { mode: 'number' }).primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.customerId),
    orderDate: timestamp('order_date', { precision: 6 }).notNull(),
    invoiceNumber: varchar('invoice_number', { length: 50 }).notNull().unique('sales_order_invoice_number_unique'),
    paymentMethod: varchar('payment_method', { length: 50 }).notNull(),
    subtotal: numeric('subtotal', { precision: 12, scale: 2 }).notNull(),
    tax: numeric('tax', { precision: 12, scale: 2 }).notNull().default('0'),
    totalAmount: numeric('total_amount', { precision: 12, scale: 2 }).notNull(),
    orderType: varchar('order_type', { length: 20 }).$type<OrderType>().notNull(),
    status: varchar('status', { length: 50 }).notNull().default('Completed'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    check('sales_order_order_type_valid', sql`${t.orderType} IN ('Parts', 'Service', 'Mixed')`),
    check('sales_order_amounts_non_negative', sql`${t.subtotal} >= 0 AND ${t.tax} >= 0 AND ${t.totalAmount} >= 0`),
    index('sales_order_customer_idx').on(t.customerId),
    index('sales_order_order_date_idx').on(t.orderDate),
  ],
);
