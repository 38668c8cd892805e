import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** The parts catalog: one row per stock-keeping unit. */
export const autoParts = pgTable(
  'auto_parts',
  {
    sku: varchar('sku', { length: 50 }).primaryKey(),
    description: varchar('description', { length: 200 }).notNull(),
    category: varchar('category', { length: 100 }).notNull(),
    manufacturer: varchar('manufacturer', { length: 100 }).notNull(),
    price: numeric('price', { precision: 10, scale: 2 }).notNull(),
    stockQuantity: integer('stock_quantity').notNull().default(0),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    check('auto_parts_price_positive', sql`${t.price} > 0`),
    check('auto_parts_stock_non_negative', sql`${t.stockQuantity} >= 0`),
  ],
);
