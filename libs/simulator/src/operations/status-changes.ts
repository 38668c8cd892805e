import { NEXT_STATUS } from '../order-lifecycle';
import type { OpenOrder } from '../state/source-state';
import { updateOrderStatus } from './order-statements';
import type { PlanContext, PlannedTransaction } from './planned-transaction';

/** Open orders moving one step along the lifecycle (Pending -> In Progress -> Completed), one or two per transaction. */
export function planStatusUpdate({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const wanted = 1 + random.int(2);
  const moving: OpenOrder[] = [];
  for (let attempt = 0; attempt < wanted * 2 && moving.length < wanted; attempt++) {
    const order = state.open.pick(random);
    if (order && !moving.includes(order)) moving.push(order);
  }
  if (moving.length === 0) return undefined;
  const moves = moving.map((order) => ({ order, to: NEXT_STATUS[order.status] as 'In Progress' | 'Completed' }));
  return {
    kind: 'status-update',
    statements: moves.map(({ order, to }) => updateOrderStatus(order.orderId, to, at)),
    apply() {
      for (const { order, to } of moves) {
        if (to === 'Completed') {
          state.open.remove(order.orderId);
          state.completed.add(order.orderId);
        } else order.status = to;
      }
    },
  };
}

/** An open order the customer calls off. */
export function planCancellation({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const order = state.open.pick(random);
  if (!order) return undefined;
  return {
    kind: 'cancellation',
    statements: [updateOrderStatus(order.orderId, 'Cancelled', at)],
    apply() {
      state.open.remove(order.orderId);
      state.cancelled.add(order.orderId);
    },
  };
}

/** A completed order refunded. */
export function planRefund({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const orderId = state.completed.pick(random);
  if (orderId === undefined) return undefined;
  return {
    kind: 'refund',
    statements: [updateOrderStatus(orderId, 'Refunded', at)],
    apply() {
      state.completed.remove(orderId);
    },
  };
}
