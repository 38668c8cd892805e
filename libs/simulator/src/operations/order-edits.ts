import { MAX_PART_LINES, MAX_SERVICE_LINES } from '@autocorp/generator';
import type { OpenOrder, PartLine, ServiceLine } from '../state/source-state';
import { deleteRows, insertPartLine, insertServiceLine, updateOrderTotals } from './order-statements';
import type { PlanContext, PlannedTransaction } from './planned-transaction';

const PICK_ATTEMPTS = 5;

/** An open order that passes `test`, or undefined after a few draws. */
function pickOpen(context: PlanContext, test: (order: OpenOrder) => boolean): OpenOrder | undefined {
  for (let attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
    const order = context.state.open.pick(context.random);
    if (order && test(order)) return order;
  }
  return undefined;
}

/** A part or service line added to an open order (drafted by the generator's rules), and the order's totals rewritten. */
export function planLineAdded(context: PlanContext): PlannedTransaction | undefined {
  const { state, random, drafter, draft, at } = context;
  const addService = random.chance(0.4);
  const order = pickOpen(context, (o) =>
    addService ? o.services.length < MAX_SERVICE_LINES : o.parts.length < MAX_PART_LINES,
  );
  if (!order) return undefined;
  drafter.fill(draft, addService ? 0 : 1, addService ? 1 : 0, random);
  if (addService) {
    const service = state.catalog.services[draft.serviceIndex[0] as number];
    if (!service || order.services.some((s) => s.serviceid === service.serviceid)) return undefined;
    const quantity = draft.serviceQuantity[0] as number;
    const line: ServiceLine = {
      lineItemId: state.nextServiceLineId,
      serviceid: service.serviceid,
      quantity,
      laborMinutes: service.laborMinutes * quantity,
      laborCents: draft.serviceLaborCents[0] as number,
      partsCents: draft.servicePartsCents[0] as number,
    };
    const after = { ...order, services: [...order.services, line] };
    return {
      kind: 'line-added',
      statements: [insertServiceLine(line.lineItemId, order.orderId, line, at), updateOrderTotals(after, at)],
      apply() {
        order.services.push(line);
        state.nextServiceLineId++;
      },
    };
  }
  const part = state.catalog.parts[draft.partIndex[0] as number];
  if (!part || order.parts.some((p) => p.sku === part.sku)) return undefined;
  const line: PartLine = {
    lineItemId: state.nextPartLineId,
    sku: part.sku,
    quantity: draft.partQuantity[0] as number,
    unitCents: part.priceCents,
    totalCents: draft.partTotalCents[0] as number,
  };
  const after = { ...order, parts: [...order.parts, line] };
  return {
    kind: 'line-added',
    statements: [insertPartLine(line.lineItemId, order.orderId, line, at), updateOrderTotals(after, at)],
    apply() {
      order.parts.push(line);
      state.nextPartLineId++;
    },
  };
}

/** A line removed from an open order that keeps at least one line, and the order's totals rewritten. */
export function planLineDeleted(context: PlanContext): PlannedTransaction | undefined {
  const { random, at } = context;
  const order = pickOpen(context, (o) => o.parts.length + o.services.length >= 2);
  if (!order) return undefined;
  const i = random.int(order.parts.length + order.services.length);
  const isPart = i < order.parts.length;
  const after = isPart
    ? { ...order, parts: order.parts.filter((_, j) => j !== i) }
    : { ...order, services: order.services.filter((_, j) => j !== i - order.parts.length) };
  const lineItemId = isPart
    ? (order.parts[i] as PartLine).lineItemId
    : (order.services[i - order.parts.length] as ServiceLine).lineItemId;
  return {
    kind: 'line-deleted',
    statements: [
      deleteRows(isPart ? 'sales_order_parts' : 'sales_order_services', 'line_item_id', lineItemId),
      updateOrderTotals(after, at),
    ],
    apply() {
      const lines: (PartLine | ServiceLine)[] = isPart ? order.parts : order.services;
      lines.splice(
        lines.findIndex((l) => l.lineItemId === lineItemId),
        1,
      );
    },
  };
}

/** A cancelled order purged: its lines, then the order. */
export function planOrderDeleted({ state, random }: PlanContext): PlannedTransaction | undefined {
  const orderId = state.cancelled.pick(random);
  if (orderId === undefined) return undefined;
  return {
    kind: 'order-deleted',
    statements: [
      deleteRows('sales_order_parts', 'order_id', orderId),
      deleteRows('sales_order_services', 'order_id', orderId),
      deleteRows('sales_order', 'order_id', orderId),
    ],
    apply() {
      state.cancelled.remove(orderId);
    },
  };
}
