import type { SourceTableName } from '@autocorp/schema';
import type { GenerationContext } from '../context';
import { csvField } from '../format/csv';
import { formatCents } from '../format/money';
import type { Chunk } from '../io/chunk';
import { ChunkBuilder } from '../io/chunk-builder';
import { ORDER_NOTES, ORDER_STATUSES, PAYMENT_METHODS } from '../orders/order-vocabulary';
import { PgOrderStream } from '../orders/pg-order-stream';
import { formatTimestamp } from '../time/calendar';

/** Rows as CSV for `COPY ... (FORMAT csv)` (an unquoted empty field is NULL), in ~1 MiB chunks. */
export type TableChunks = Iterable<Chunk>;

function* chunked(rows: Iterable<string>): Generator<Chunk> {
  const chunk = new ChunkBuilder();
  for (const row of rows) {
    chunk.add(row, 1);
    if (chunk.full) yield chunk.take();
  }
  if (!chunk.empty) yield chunk.take();
}

function* catalogRows(context: GenerationContext, table: 'auto_parts' | 'service' | 'service_parts'): Generator<string> {
  const { catalog } = context;
  const stamps = `${catalog.createdAt},${catalog.updatedAt}\n`;
  if (table === 'auto_parts') {
    for (const p of catalog.parts) {
      yield `${p.sku},${csvField(p.description)},${csvField(p.category)},${csvField(p.manufacturer)},${formatCents(p.priceCents)},${p.stockQuantity},${stamps}`;
    }
  } else if (table === 'service') {
    for (const s of catalog.services) {
      yield `${s.serviceid},${csvField(s.name)},${csvField(s.category)},${s.laborMinutes},${formatCents(s.laborRateCents)},${formatCents(s.laborCostCents)},${stamps}`;
    }
  } else {
    for (const sp of catalog.serviceParts) yield `${sp.serviceid},${sp.sku},${sp.quantity},${stamps}`;
  }
}

function* customerRows(context: GenerationContext): Generator<string> {
  for (const c of context.customers) {
    yield `${c.customerId},${c.firstName},${c.lastName},${c.email},${c.phone},${csvField(c.address)},${c.city},${c.state},${c.zipCode},${formatTimestamp(c.createdAt)},${formatTimestamp(c.updatedAt)}\n`;
  }
}

const NOTES_CSV = ORDER_NOTES.map(csvField);

function* salesOrderChunks(context: GenerationContext): Generator<Chunk> {
  const orders = new PgOrderStream(context);
  const customerIds = context.customers.map((c) => c.customerId);
  const d = orders.draft;
  const chunk = new ChunkBuilder();
  while (orders.next()) {
    const orderDate = formatTimestamp(orders.orderDate);
    chunk.add(`${orders.orderId},${customerIds[d.customerIndex]},${orderDate},${orders.invoiceNumber},${PAYMENT_METHODS[d.paymentIndex]},${formatCents(d.subtotalCents)},${formatCents(d.taxCents)},${formatCents(d.totalCents)},${d.orderType},${ORDER_STATUSES[d.statusIndex]},${d.noteIndex < 0 ? '' : NOTES_CSV[d.noteIndex]},${orderDate},${formatTimestamp(orders.updatedAt)}\n`, 1);
    if (chunk.full) yield chunk.take();
  }
  if (!chunk.empty) yield chunk.take();
}

function* partLineChunks(context: GenerationContext): Generator<Chunk> {
  const orders = new PgOrderStream(context);
  const { parts } = context.catalog;
  const skus = parts.map((p) => p.sku);
  const prices = parts.map((p) => formatCents(p.priceCents));
  const d = orders.draft;
  let lineItemId = 0;
  const chunk = new ChunkBuilder();
  while (orders.next()) {
    if (d.partCount === 0) continue;
    const tail = `,${orders.orderId},`;
    const created = `,${formatTimestamp(orders.orderDate)}\n`;
    for (let i = 0; i < d.partCount; i++) {
      const p = d.partIndex[i] as number;
      chunk.add(`${++lineItemId}${tail}${skus[p]},${d.partQuantity[i]},${prices[p]},${formatCents(d.partTotalCents[i] as number)}${created}`, 1);
    }
    if (chunk.full) yield chunk.take();
  }
  if (!chunk.empty) yield chunk.take();
}

function* serviceLineChunks(context: GenerationContext): Generator<Chunk> {
  const orders = new PgOrderStream(context);
  const { services } = context.catalog;
  const d = orders.draft;
  let lineItemId = 0;
  const chunk = new ChunkBuilder();
  while (orders.next()) {
    if (d.serviceCount === 0) continue;
    const created = `,${formatTimestamp(orders.orderDate)}\n`;
    for (let i = 0; i < d.serviceCount; i++) {
      const s = services[d.serviceIndex[i] as number];
      if (!s) throw new RangeError('service index out of range');
      const quantity = d.serviceQuantity[i] as number;
      const labor = d.serviceLaborCents[i] as number;
      const partsCost = d.servicePartsCents[i] as number;
      chunk.add(`${++lineItemId},${orders.orderId},${s.serviceid},${quantity},${s.laborMinutes * quantity},${formatCents(labor)},${formatCents(partsCost)},${formatCents(labor + partsCost)}${created}`, 1);
    }
    if (chunk.full) yield chunk.take();
  }
  if (!chunk.empty) yield chunk.take();
}

/** The rows of one source table as COPY text chunks; the big tables replay the order stream. */
export function tableChunks(context: GenerationContext, table: SourceTableName): TableChunks {
  switch (table) {
    case 'auto_parts':
    case 'service':
    case 'service_parts':
      return chunked(catalogRows(context, table));
    case 'customers':
      return chunked(customerRows(context));
    case 'sales_order':
      return salesOrderChunks(context);
    case 'sales_order_parts':
      return partLineChunks(context);
    case 'sales_order_services':
      return serviceLineChunks(context);
  }
}

/** Rows each table receives at the context's scale. */
export function plannedTableRows(context: GenerationContext, table: SourceTableName): number {
  const c = context.counts;
  const rows: Record<SourceTableName, number> = {
    auto_parts: c.autoParts,
    service: c.service,
    service_parts: c.serviceParts,
    customers: c.customers,
    sales_order: c.salesOrder,
    sales_order_parts: c.salesOrderParts,
    sales_order_services: c.salesOrderServices,
  };
  return rows[table];
}
