import { ORDER_STATUSES, PAYMENT_METHODS } from '@autocorp/schema';

/** Payment methods (the source schema's vocabulary) and their shares. */
export { ORDER_STATUSES, PAYMENT_METHODS };
export const PAYMENT_WEIGHTS = [45, 25, 12, 3, 8, 3, 4];

/** Shares of the order statuses (the source schema's vocabulary). */
export const STATUS_WEIGHTS = [94, 2, 1.5, 1, 1.5];

/** Free-text notes a service writer leaves on some orders (commas and quotes on purpose). */
export const ORDER_NOTES = [
  'Customer waited',
  'Loaner vehicle provided',
  'Customer declined additional work',
  'Fleet PO attached',
  'Warranty claim, see attached invoice',
  'Customer said "noise from front left"',
  'Return visit, no charge for diagnosis',
  'Parts ordered, customer notified by phone',
  'Recommended: replace cabin air filter next visit',
  'Price matched competitor quote',
  'Customer supplied own parts',
  'Check engine light on arrival, code P0420',
  'Towed in',
  'Senior discount applied',
  'Re-check torque after 50 miles',
] as const;

/** Part line quantities and their shares. */
export const PART_QUANTITIES = [1, 2, 3, 4, 5, 6, 8];
export const PART_QUANTITY_WEIGHTS = [70, 15, 3, 9, 1, 1, 1];
