/** The sales order's vocabularies (no database code: the CLI and the query layer load them without Drizzle). */
export const ORDER_TYPES = ['Parts', 'Service', 'Mixed'] as const;
/** The point-of-sale order statuses (the CSV exports' `status`). */
export const ORDER_STATUSES = ['Completed', 'Refunded', 'Cancelled', 'Pending', 'In Progress'] as const;
/** The payment methods of the point-of-sale system. */
export const PAYMENT_METHODS = [
  'Credit Card',
  'Debit Card',
  'Cash',
  'Check',
  'Fleet Account',
  'Financing',
  'Mobile Pay',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
