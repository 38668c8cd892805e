import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** The service catalog: labor operations in eleven categories. */
export const service = pgTable(
  'service',
  {
    serviceid: varchar('serviceid', { length: 50 }).primaryKey(),
    service: varchar('service', { length: 200 }).notNull(),
    category: varchar('category', { length: 100 }).notNull(),
    laborMinutes: integer('labor_minutes').notNull(),
    /** Hourly labor rate in dollars. */
    laborRate: numeric('labor_rate', { precision: 8, scale: 2 }).notNull(),
    /** labor_rate * labor_minutes / 60, rounded to cents. */
    laborCost: numeric('labor_cost', { precision: 10, scale: 2 }).notNull(),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    check('service_labor_minutes_positive', sql`${t.laborMinutes} > 0`),
    check('service_labor_rate_positive', sql`${t.laborRate} > 0`),
    check('service_labor_cost_non_negative', sql`${t.laborCost} >= 0`),
  ],
);
