import type { SourceTableName } from '@autocorp/schema';
import type { Part, Service } from '../catalog/catalog';
import { type GenerationContext, PG_INVOICE_BASE } from '../context';
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

function* catalogRows(
  context: GenerationContext,
  table: 'auto_parts' | 'service' | 'service_parts',
): Generator<string> {
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
  const w = new ChunkBuilder();
  while (orders.next()) {
    w.uint(orders.orderId)
      .comma()
      .uint(customerIds[d.customerIndex] as number)
      .comma()
      .timestamp(orders.orderDate)
      .comma();
    w.text('INV-')
      .uint(PG_INVOICE_BASE + orders.orderId)
      .comma()
      .text(PAYMENT_METHODS[d.paymentIndex] as string)
      .comma();
    w.cents(d.subtotalCents).comma().cents(d.taxCents).comma().cents(d.totalCents).comma().text(d.orderType).comma();
    w.text(ORDER_STATUSES[d.statusIndex] as string).comma();
    if (d.noteIndex >= 0) w.text(NOTES_CSV[d.noteIndex] as string);
    w.comma().timestamp(orders.orderDate).comma().timestamp(orders.updatedAt).newline();
    w.rowDone();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

function* partLineChunks(context: GenerationContext): Generator<Chunk> {
  const orders = new PgOrderStream(context);
  const { parts } = context.catalog;
  const d = orders.draft;
  let lineItemId = 0;
  const w = new ChunkBuilder();
  while (orders.next()) {
    for (let i = 0; i < d.partCount; i++) {
      const p = parts[d.partIndex[i] as number] as Part;
      w.uint(++lineItemId)
        .comma()
        .uint(orders.orderId)
        .comma()
        .text(p.sku)
        .comma()
        .uint(d.partQuantity[i] as number)
        .comma();
      w.cents(p.priceCents)
        .comma()
        .cents(d.partTotalCents[i] as number)
        .comma()
        .timestamp(orders.orderDate)
        .newline();
    }
    w.rowDone(d.partCount);
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

function* serviceLineChunks(context: GenerationContext): Generator<Chunk> {
  const orders = new PgOrderStream(context);
  const { services } = context.catalog;
  const d = orders.draft;
  let lineItemId = 0;
  const w = new ChunkBuilder();
  while (orders.next()) {
    for (let i = 0; i < d.serviceCount; i++) {
      const s = services[d.serviceIndex[i] as number] as Service;
      const quantity = d.serviceQuantity[i] as number;
      const labor = d.serviceLaborCents[i] as number;
      const partsCost = d.servicePartsCents[i] as number;
      w.uint(++lineItemId).comma().uint(orders.orderId).comma().text(s.serviceid).comma().uint(quantity).comma();
      w.uint(s.laborMinutes * quantity)
        .comma()
        .cents(labor)
        .comma()
        .cents(partsCost)
        .comma()
        .cents(labor + partsCost)
        .comma();
      w.timestamp(orders.orderDate).newline();
    }
    w.rowDone(d.serviceCount);
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
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
