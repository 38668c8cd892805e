/**
 * The CSV order export. Longer than 300 lines because the three order files and the two answer keys are
 * written in one streaming pass whose state (the invoice being written, its versions, copies and dirty rows,
 * and the shuffle window) every file shares; the row formats live in the files beside it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Part, Service } from '../catalog/catalog';
import { CSV_INVOICE_BASE, type GenerationContext } from '../context';
import { csvField } from '../format/csv';
import { formatCents } from '../format/money';
import { ByteWriter, fnv1aBytes } from '../io/byte-writer';
import { TextFileWriter } from '../io/text-file-writer';
import { MAX_PART_LINES, MAX_SERVICE_LINES } from '../orders/order-draft';
import type { ProgressSteps } from '../progress-steps';
import { ORDER_NOTES, ORDER_STATUSES, PAYMENT_METHODS } from '../orders/order-vocabulary';
import { Random } from '../random/random';
import { ORDER_DEFECT_KINDS, PART_LINE_DEFECT_KINDS, SERVICE_LINE_DEFECT_KINDS } from '../scale';
import { formatTimestamp } from '../time/calendar';
import { CSV_FILES, type OrderFileKey, headerLine } from './csv-files';
import { corruptRow } from './defects';
import { InvoiceStream, type InvoiceShapeTotals, measureInvoiceShapes } from './invoice-stream';
import { type FilePlan, filePlan } from './file-plan';
import { type Slot, SlotWindow } from './slot-window';

/** Units held back by the shuffle window. */
const SHUFFLE_WINDOW = 1024;

export interface OrderFileStats {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  /** Rows that belong to invoice versions (first versions and later ones). */
  readonly versionRows: number;
  /** Of those, rows of later versions (version 2 and up). */
  readonly laterVersionRows: number;
  readonly exactCopies: number;
  readonly dirtyRows: number;
  readonly defects: Readonly<Record<string, number>>;
}

export interface OrderFilesResult {
  readonly orders: OrderFileStats;
  readonly parts: OrderFileStats;
  readonly services: OrderFileStats;
  readonly uniqueInvoices: number;
  readonly uniquePartLines: number;
  readonly uniqueServiceLines: number;
  readonly winners: { readonly file: string; readonly rows: number; readonly bytes: number };
  readonly defects: { readonly file: string; readonly rows: number; readonly bytes: number };
  readonly seconds: number;
}

const NOTES_CSV = ORDER_NOTES.map(csvField);

/**
 * Writes sales_orders.csv, sales_order_parts.csv and sales_order_services.csv with their
 * versions, exact copies and dirty rows in a shuffled-ish order, plus expected_winners.csv and
 * expected_defects.csv. Memory is the shuffle window, whatever the scale.
 */
export async function writeOrderFiles(
  context: GenerationContext,
  dir: string,
  progress: ProgressSteps,
): Promise<OrderFilesResult> {
  const started = performance.now();
  const c = context.counts;
  const shapes: InvoiceShapeTotals = measureInvoiceShapes(context);
  const plans: Record<OrderFileKey, FilePlan> = {
    orders: filePlan(
      'orders',
      ORDER_DEFECT_KINDS,
      c.csvOrders.rows,
      c.csvOrders.defects,
      c.csvOrders.dirtyRows,
      shapes.versionRows,
    ),
    parts: filePlan(
      'parts',
      PART_LINE_DEFECT_KINDS,
      c.csvParts.rows,
      c.csvParts.defects,
      c.csvParts.dirtyRows,
      shapes.partVersionRows,
    ),
    services: filePlan(
      'services',
      SERVICE_LINE_DEFECT_KINDS,
      c.csvServices.rows,
      c.csvServices.defects,
      c.csvServices.dirtyRows,
      shapes.serviceVersionRows,
    ),
  };
  // The three files grow together (one invoice version feeds all three), so they share one task.
  const task = progress.step('sales_orders.csv + line files', c.csvOrderFileRows);
  const tick = (rows: number) => task.tick(rows);
  const writers: Record<OrderFileKey, TextFileWriter> = {
    orders: new TextFileWriter(join(dir, CSV_FILES.orders.name), headerLine(CSV_FILES.orders.columns), tick),
    parts: new TextFileWriter(join(dir, CSV_FILES.parts.name), headerLine(CSV_FILES.parts.columns), tick),
    services: new TextFileWriter(join(dir, CSV_FILES.services.name), headerLine(CSV_FILES.services.columns), tick),
  };
  mkdirSync(dirname(join(dir, CSV_FILES.winners.name)), { recursive: true });
  const winners = new TextFileWriter(join(dir, CSV_FILES.winners.name), headerLine(CSV_FILES.winners.columns));
  const defects = new TextFileWriter(join(dir, CSV_FILES.defects.name), headerLine(CSV_FILES.defects.columns));
  const all = [writers.orders, writers.parts, writers.services, winners, defects];

  const selection = Random.stream(context.seed, 'csv-selection');
  const corruption = Random.stream(context.seed, 'csv-corruption');
  let laterOrderRows = 0;
  let laterPartRows = 0;
  let laterServiceRows = 0;

  const release = (slot: Slot): void => {
    if (slot.defectFile) {
      const writer = writers[slot.defectFile];
      // Line numbers count the header as line 1; no field holds a line break.
      defects.add(`${CSV_FILES[slot.defectFile].name},${writer.rows + 2},${slot.defect},${slot.invoice}\n`, 1);
    }
    if (slot.orderRows > 0) {
      writers.orders.pending.append(slot.orders);
      writers.orders.rowsDone(slot.orderRows);
    }
    if (slot.partRows > 0) {
      writers.parts.pending.append(slot.parts);
      writers.parts.rowsDone(slot.partRows);
    }
    if (slot.serviceRows > 0) {
      writers.services.pending.append(slot.services);
      writers.services.rowsDone(slot.serviceRows);
    }
  };
  const window = new SlotWindow(SHUFFLE_WINDOW, Random.stream(context.seed, 'csv-shuffle'), release);
  const slotText = (slot: Slot, key: OrderFileKey): ByteWriter =>
    key === 'orders' ? slot.orders : key === 'parts' ? slot.parts : slot.services;
  const countRow = (slot: Slot, key: OrderFileKey): void => {
    if (key === 'orders') slot.orderRows++;
    else if (key === 'parts') slot.partRows++;
    else slot.serviceRows++;
  };
  /** Bytes [start, end) of `from` are a clean row: maybe an exact copy of it joins the stream. */
  const maybeCopy = (plan: FilePlan, from: ByteWriter, start: number, end: number, busy: Slot): void => {
    if (!plan.copies.take(selection)) return;
    const slot = window.claim(busy);
    slotText(slot, plan.key).append(from, start, end);
    countRow(slot, plan.key);
  };
  /** A dirty variant of a clean row joins the stream; `fields` are the row's CSV-ready fields. */
  const addDirty = (plan: FilePlan, fields: string[], invoice: string, busy: Slot): void => {
    const kind = plan.kinds.deal(selection);
    const slot = window.claim(busy);
    slotText(slot, plan.key).text(corruptRow(plan.key, kind, fields, corruption));
    countRow(slot, plan.key);
    slot.defectFile = plan.key;
    slot.defect = kind;
    slot.invoice = invoice;
  };

  const { parts: catalogParts, services: catalogServices } = context.catalog;
  const customerIds = context.customers.map((cu) => cu.customerId);
  const invoices = new InvoiceStream(context);
  const d = invoices.draft;
  const partPrefix = new ByteWriter(2048);
  const servicePrefix = new ByteWriter(2048);
  const partStart = new Int32Array(MAX_PART_LINES + 1);
  const serviceStart = new Int32Array(MAX_SERVICE_LINES + 1);

  const partFields = (i: number, updated: string): string[] => {
    const p = catalogParts[d.partIndex[i] as number] as Part;
    return [
      invoices.invoiceNumber,
      String(i + 1),
      p.sku,
      String(d.partQuantity[i]),
      formatCents(p.priceCents),
      formatCents(d.partTotalCents[i] as number),
      updated,
    ];
  };
  const serviceFields = (i: number, updated: string): string[] => {
    const s = catalogServices[d.serviceIndex[i] as number] as Service;
    const q = d.serviceQuantity[i] as number;
    const labor = d.serviceLaborCents[i] as number;
    const partsCost = d.servicePartsCents[i] as number;
    return [
      invoices.invoiceNumber,
      String(i + 1),
      s.serviceid,
      String(q),
      String(s.laborMinutes * q),
      formatCents(labor),
      formatCents(partsCost),
      formatCents(labor + partsCost),
      updated,
    ];
  };
  const orderFields = (v: number): string[] => {
    const orderDate = formatTimestamp(invoices.orderDate);
    const note = invoices.note[v] as number;
    return [
      invoices.invoiceNumber,
      String(customerIds[d.customerIndex]),
      orderDate,
      PAYMENT_METHODS[invoices.payment[v] as number] as string,
      formatCents(d.subtotalCents),
      formatCents(d.taxCents),
      formatCents(d.totalCents),
      d.orderType,
      ORDER_STATUSES[invoices.status[v] as number] as string,
      note < 0 ? '' : (NOTES_CSV[note] as string),
      orderDate,
      formatTimestamp(invoices.updatedAt[v] as number),
    ];
  };

  try {
    while (invoices.next()) {
      const invoiceOrdinal = CSV_INVOICE_BASE + invoices.ordinal;
      const orderType = d.orderType;
      // The part of every line row before updated_at is the same in all versions.
      partPrefix.reset();
      for (let i = 0; i < d.partCount; i++) {
        const p = catalogParts[d.partIndex[i] as number] as Part;
        partStart[i] = partPrefix.length;
        partPrefix
          .text('INV-')
          .uint(invoiceOrdinal)
          .comma()
          .uint(i + 1)
          .comma()
          .text(p.sku)
          .comma();
        partPrefix
          .uint(d.partQuantity[i] as number)
          .comma()
          .cents(p.priceCents)
          .comma()
          .cents(d.partTotalCents[i] as number)
          .comma();
      }
      partStart[d.partCount] = partPrefix.length;
      servicePrefix.reset();
      for (let i = 0; i < d.serviceCount; i++) {
        const s = catalogServices[d.serviceIndex[i] as number] as Service;
        const q = d.serviceQuantity[i] as number;
        const labor = d.serviceLaborCents[i] as number;
        const partsCost = d.servicePartsCents[i] as number;
        serviceStart[i] = servicePrefix.length;
        servicePrefix
          .text('INV-')
          .uint(invoiceOrdinal)
          .comma()
          .uint(i + 1)
          .comma()
          .text(s.serviceid)
          .comma()
          .uint(q)
          .comma();
        servicePrefix
          .uint(s.laborMinutes * q)
          .comma()
          .cents(labor)
          .comma()
          .cents(partsCost)
          .comma()
          .cents(labor + partsCost)
          .comma();
      }
      serviceStart[d.serviceCount] = servicePrefix.length;
      // Checksum of the last version's order row: the row that must win.
      let winnerChecksum = '';

      for (let v = 0; v < invoices.versions; v++) {
        const updatedAt = invoices.updatedAt[v] as number;
        const note = invoices.note[v] as number;
        // The version is rendered straight into its window slot; copies and dirty rows take others.
        const slot = window.claim();
        const order = slot.orders;
        order
          .text('INV-')
          .uint(invoiceOrdinal)
          .comma()
          .uint(customerIds[d.customerIndex] as number)
          .comma()
          .timestamp(invoices.orderDate)
          .comma();
        order.text(PAYMENT_METHODS[invoices.payment[v] as number] as string).comma();
        order
          .cents(d.subtotalCents)
          .comma()
          .cents(d.taxCents)
          .comma()
          .cents(d.totalCents)
          .comma()
          .text(orderType)
          .comma();
        order.text(ORDER_STATUSES[invoices.status[v] as number] as string).comma();
        if (note >= 0) order.text(NOTES_CSV[note] as string);
        order.comma().timestamp(invoices.orderDate).comma().timestamp(updatedAt).newline();
        slot.orderRows = 1;
        if (v === invoices.versions - 1) winnerChecksum = fnv1aBytes(order.buffer, 0, order.length - 1);
        maybeCopy(plans.orders, order, 0, order.length, slot);
        if (plans.orders.dirty.take(selection)) addDirty(plans.orders, orderFields(v), invoices.invoiceNumber, slot);

        const partLines = slot.parts;
        for (let i = 0; i < d.partCount; i++) {
          const start = partLines.length;
          partLines
            .append(partPrefix, partStart[i], partStart[i + 1])
            .timestamp(updatedAt)
            .newline();
          maybeCopy(plans.parts, partLines, start, partLines.length, slot);
          if (plans.parts.dirty.take(selection))
            addDirty(plans.parts, partFields(i, formatTimestamp(updatedAt)), invoices.invoiceNumber, slot);
        }
        slot.partRows = d.partCount;
        const serviceLines = slot.services;
        for (let i = 0; i < d.serviceCount; i++) {
          const start = serviceLines.length;
          serviceLines
            .append(servicePrefix, serviceStart[i], serviceStart[i + 1])
            .timestamp(updatedAt)
            .newline();
          maybeCopy(plans.services, serviceLines, start, serviceLines.length, slot);
          if (plans.services.dirty.take(selection)) {
            addDirty(plans.services, serviceFields(i, formatTimestamp(updatedAt)), invoices.invoiceNumber, slot);
          }
        }
        slot.serviceRows = d.serviceCount;
        if (v > 0) {
          laterOrderRows++;
          laterPartRows += d.partCount;
          laterServiceRows += d.serviceCount;
        }
      }
      const last = invoices.versions - 1;
      const w = winners.pending;
      w.text('INV-')
        .uint(invoiceOrdinal)
        .comma()
        .timestamp(invoices.updatedAt[last] as number)
        .comma();
      w.uint(invoices.versions).comma().uint(invoices.versions).comma();
      w.text(ORDER_STATUSES[invoices.status[last] as number] as string).comma();
      w.text(PAYMENT_METHODS[invoices.payment[last] as number] as string)
        .comma()
        .cents(d.totalCents)
        .comma();
      w.uint(d.partCount).comma().uint(d.serviceCount).comma().text(winnerChecksum).newline();
      winners.rowsDone(1);
      if (writers.orders.full || writers.parts.full || writers.services.full || winners.full || defects.full) {
        for (const writer of all) await writer.flushIfFull();
      }
    }
    window.drain();
    for (const writer of all) await writer.close();
  } catch (error) {
    await Promise.all(all.map((writer) => writer.abort()));
    throw error;
  }
  task.finish();

  const stats = (key: OrderFileKey, laterVersionRows: number): OrderFileStats => {
    const plan = plans[key];
    const writer = writers[key];
    return {
      file: CSV_FILES[key].name,
      rows: writer.rows,
      bytes: writer.bytes,
      versionRows: plan.versionRows,
      laterVersionRows,
      exactCopies: plan.exactCopies,
      dirtyRows: Object.values(plan.defects).reduce((s, n) => s + n, 0),
      defects: plan.defects,
    };
  };
  return {
    orders: stats('orders', laterOrderRows),
    parts: stats('parts', laterPartRows),
    services: stats('services', laterServiceRows),
    uniqueInvoices: c.csvUniqueInvoices,
    uniquePartLines: shapes.uniquePartLines,
    uniqueServiceLines: shapes.uniqueServiceLines,
    winners: { file: CSV_FILES.winners.name, rows: winners.rows, bytes: winners.bytes },
    defects: { file: CSV_FILES.defects.name, rows: defects.rows, bytes: defects.bytes },
    seconds: (performance.now() - started) / 1000,
  };
}
