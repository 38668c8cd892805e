/** What one simulated transaction does. */
export const OPERATION_KINDS = [
  'new-order',
  'status-update',
  'cancellation',
  'refund',
  'line-added',
  'line-deleted',
  'order-deleted',
  'part-price-change',
  'service-price-change',
  'customer-update',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/**
 * How often each kind happens per new order: a shop's day is mostly new orders and their status
 * moves, with now and then a cancellation, a refund, an edited order, a purge of a cancelled
 * order, a supplier price change and a customer moving house.
 */
export const DEFAULT_OPERATION_WEIGHTS: Readonly<Record<OperationKind, number>> = {
  'new-order': 1,
  'status-update': 0.7,
  cancellation: 0.04,
  refund: 0.02,
  'line-added': 0.06,
  'line-deleted': 0.05,
  'order-deleted': 0.02,
  'part-price-change': 0.02,
  'service-price-change': 0.01,
  'customer-update': 0.05,
};

/** The kind a transaction falls back to when its drawn kind has nothing to act on (no open order, say). */
export const FALLBACK_KIND: OperationKind = 'customer-update';
