import { ORDER_NOTES, PG_INVOICE_BASE, formatCents, invoiceNumber } from '@autocorp/generator';
import { ORDER_STATUSES, PAYMENT_METHODS } from '@autocorp/schema';
import { initialStatus } from '../order-lifecycle';
import type { PartLine, ServiceLine } from '../state/source-state';
import { insertPartLine, insertServiceLine } from './order-statements';
import type { PlanContext, PlannedTransaction, Statement } from './planned-transaction';

/**
 * A new order drafted by the generator's rules (line counts, catalog picks, quantities, prices
 * at today's catalog, tax): the order row, then one INSERT per line, in one transaction.
 */
export function planNewOrder({ state, random, drafter, draft, lines, at }: PlanContext): PlannedTransaction {
  lines.next(random);
  drafter.fill(draft, lines.partCount, lines.serviceCount, random);
  const orderId = state.nextOrderId;
  const customerId = state.customerIds[draft.customerIndex] as number;
  const status = initialStatus(ORDER_STATUSES[draft.statusIndex] ?? 'Pending', draft.serviceCount);
  const { parts, services } = state.catalog;
  const partLines: PartLine[] = [];
  for (let i = 0; i < draft.partCount; i++) {
    const part = parts[draft.partIndex[i] as number];
    if (!part) throw new RangeError(`part index ${draft.partIndex[i]} out of range`);
    partLines.push({
      lineItemId: state.nextPartLineId + i,
      sku: part.sku,
      quantity: draft.partQuantity[i] as number,
      unitCents: part.priceCents,
      totalCents: draft.partTotalCents[i] as number,
    });
  }
  const serviceLines: ServiceLine[] = [];
  for (let i = 0; i < draft.serviceCount; i++) {
    const service = services[draft.serviceIndex[i] as number];
    if (!service) throw new RangeError(`service index ${draft.serviceIndex[i]} out of range`);
    const quantity = draft.serviceQuantity[i] as number;
    serviceLines.push({
      lineItemId: state.nextServiceLineId + i,
      serviceid: service.serviceid,
      quantity,
      laborMinutes: service.laborMinutes * quantity,
      laborCents: draft.serviceLaborCents[i] as number,
      partsCents: draft.servicePartsCents[i] as number,
    });
  }
  const statements: Statement[] = [
    {
      table: 'sales_order',
      action: 'insert',
      text: 'INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
      values: [
        orderId,
        customerId,
        at,
        invoiceNumber(PG_INVOICE_BASE, orderId),
        PAYMENT_METHODS[draft.paymentIndex],
        formatCents(draft.subtotalCents),
        formatCents(draft.taxCents),
        formatCents(draft.totalCents),
        draft.orderType,
        status,
        draft.noteIndex >= 0 ? ORDER_NOTES[draft.noteIndex] : null,
        at,
        at,
      ],
    },
    ...partLines.map((line) => insertPartLine(line.lineItemId, orderId, line, at)),
    ...serviceLines.map((line) => insertServiceLine(line.lineItemId, orderId, line, at)),
  ];
  return {
    kind: 'new-order',
    statements,
    apply() {
      state.nextOrderId = orderId + 1;
      state.nextPartLineId += partLines.length;
      state.nextServiceLineId += serviceLines.length;
      if (status === 'Completed') state.completed.add(orderId);
      else state.open.add({ orderId, status: 'Pending', parts: partLines, services: serviceLines });
    },
  };
}
