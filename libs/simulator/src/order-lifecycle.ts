import type { ORDER_STATUSES } from '@autocorp/schema';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The order status lifecycle: Pending -> In Progress -> Completed -> Refunded, and an open order
 * (Pending or In Progress) may be Cancelled. Refunded and Cancelled are final.
 */
export const NEXT_STATUS: Readonly<Partial<Record<OrderStatus, OrderStatus>>> = {
  Pending: 'In Progress',
  'In Progress': 'Completed',
  Completed: 'Refunded',
};

/** Statuses whose lines can still change and that can be cancelled. */
export const OPEN_STATUSES = ['Pending', 'In Progress'] as const satisfies readonly OrderStatus[];

/** True when the lifecycle allows going from `from` to `to`. */
export function isAllowedTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT_STATUS[from] === to || (to === 'Cancelled' && (OPEN_STATUSES as readonly string[]).includes(from));
}

/**
 * The first status of a new order: a counter sale of parts the drafter marks Completed is paid
 * and done at once; everything else (workshop jobs, parts to order) starts Pending.
 */
export function initialStatus(draftedStatus: OrderStatus, serviceLines: number): OrderStatus {
  return draftedStatus === 'Completed' && serviceLines === 0 ? 'Completed' : 'Pending';
}
