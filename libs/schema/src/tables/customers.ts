import { integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Customers of the shops; email is unique. */
export const customers = pgTable('customers', {
  customerId: integer('customer_id').primaryKey(),
  firstName: varchar('first_name', { length: 100 }).notNull(),
  lastName: varchar('last_name', { length: 100 }).notNull(),
  email: varchar('email', { length: 200 }).notNull().unique('customers_email_unique'),
  phone: varchar('phone', { length: 20 }),
  address: varchar('address', { length: 300 }),
  city: varchar('city', { length: 100 }),
  /** Two-letter USPS code: 50 states, DC, territories and military codes (59 in all). */
  state: varchar('state', { length: 2 }).notNull(),
  zipCode: varchar('zip_code', { length: 10 }),
  createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { precision: 6 }).notNull().defaultNow(),
});
