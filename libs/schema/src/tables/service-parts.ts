import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';
import { autoParts } from './auto-parts';
import { service } from './service';

/** Which parts (and how many) a service needs. */
export const serviceParts = pgTable(
  'service_parts',
  {
    serviceid: varchar('serviceid', { length: 50 })
      .notNull()
      .references(() => service.serviceid),
    sku: varchar('sku', { length: 50 })
      .notNull()
      .references(() => autoParts.sku),
    quantity: integer('quantity').notNull().default(1),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceid, t.sku] }),
    check('service_parts_quantity_positive', sql`${t.quantity} > 0`),
  ],
);
