import { join } from 'node:path';
import { createProgress } from '@autocorp/terminal';
import type { GenerationContext } from '../context';
import { fnv1aHex } from '../format/checksum';
import { csvField } from '../format/csv';
import { formatCents } from '../format/money';
import { TextFileWriter } from '../io/text-file-writer';
import { ORDER_NOTES, ORDER_STATUSES, PAYMENT_METHODS } from '../orders/order-vocabulary';
import { Random } from '../random/random';
import { type DefectKind, ORDER_DEFECT_KINDS, PART_LINE_DEFECT_KINDS, SERVICE_LINE_DEFECT_KINDS } from '../scale';
import { formatTimestamp } from '../time/calendar';
import { CSV_FILES, type OrderFileKey, headerLine } from './csv-files';
import { corruptRow } from './defects';
import { EmissionUnit } from './emission-unit';
import { InvoiceStream, type InvoiceShapeTotals, measureInvoiceShapes } from './invoice-stream';
import { KindDealer, QuotaSampler } from './quota-sampler';
import { ShuffleBuffer } from './shuffle-buffer';

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

interface FilePlan {
  readonly key: OrderFileKey;
  readonly copies: QuotaSampler;
  readonly dirty: QuotaSampler;
  readonly kinds: KindDealer<DefectKind>;
  readonly exactCopies: number;
  readonly versionRows: number;
  readonly defects: Readonly<Record<string, number>>;
}

function filePlan(
  key: OrderFileKey,
  kinds: readonly DefectKind[],
  rows: number,
  defects: Readonly<Record<string, number>>,
  dirtyRows: number,
  versionRows: number,
): FilePlan {
  const exactCopies = rows - dirtyRows - versionRows;
  if (exactCopies < 0) throw new RangeError(`${key}: versions (${versionRows}) exceed the row budget`);
  return {
    key,
    copies: new QuotaSampler(exactCopies, versionRows),
    dirty: new QuotaSampler(dirtyRows, versionRows),
    kinds: new KindDealer(kinds, defects),
    exactCopies,
    versionRows,
    defects,
  };
}

const NOTES_CSV = ORDER_NOTES.map(csvField);

/**
 * Writes sales_orders.csv, sales_order_parts.csv and sales_order_services.csv with their
 * versions, exact copies and dirty rows in a shuffled-ish order, plus expected_winners.csv and
 * expected_defects.csv. Memory is the shuffle window, whatever the scale.
 */
export async function writeOrderFiles(context: GenerationContext, dir: string, progress: boolean): Promise<OrderFilesResult> {
  const started = performance.now();
  const c = context.counts;
  const shapes: InvoiceShapeTotals = measureInvoiceShapes(context);
  const plans: Record<OrderFileKey, FilePlan> = {
    orders: filePlan('orders', ORDER_DEFECT_KINDS, c.csvOrders.rows, c.csvOrders.defects, c.csvOrders.dirtyRows, shapes.versionRows),
    parts: filePlan('parts', PART_LINE_DEFECT_KINDS, c.csvParts.rows, c.csvParts.defects, c.csvParts.dirtyRows, shapes.partVersionRows),
    services: filePlan(
      'services',
      SERVICE_LINE_DEFECT_KINDS,
      c.csvServices.rows,
      c.csvServices.defects,
      c.csvServices.dirtyRows,
      shapes.serviceVersionRows,
    ),
  };
  const bar = createProgress({
    label: 'sales_order*.csv',
    total: c.csvOrderFileRows,
    enabled: progress ? undefined : false,
  });
  const tick = (rows: number) => bar.tick(rows);
  const writers: Record<OrderFileKey, TextFileWriter> = {
    orders: new TextFileWriter(join(dir, CSV_FILES.orders.name), headerLine(CSV_FILES.orders.columns), tick),
    parts: new TextFileWriter(join(dir, CSV_FILES.parts.name), headerLine(CSV_FILES.parts.columns), tick),
    services: new TextFileWriter(join(dir, CSV_FILES.services.name), headerLine(CSV_FILES.services.columns), tick),
  };
  const winners = new TextFileWriter(join(dir, CSV_FILES.winners.name), headerLine(CSV_FILES.winners.columns));
  const defects = new TextFileWriter(join(dir, CSV_FILES.defects.name), headerLine(CSV_FILES.defects.columns));
  const all = [writers.orders, writers.parts, writers.services, winners, defects];

  const selection = Random.stream(context.seed, 'csv-selection');
  const corruption = Random.stream(context.seed, 'csv-corruption');
  const window = new ShuffleBuffer<EmissionUnit>(SHUFFLE_WINDOW, Random.stream(context.seed, 'csv-shuffle'));
  let laterOrderRows = 0;
  let laterPartRows = 0;
  let laterServiceRows = 0;

  const emit = (unit: EmissionUnit | undefined): void => {
    if (!unit) return;
    if (unit.defectFile) {
      const writer = writers[unit.defectFile];
      // Line numbers count the header as line 1; no field holds a line break.
      defects.add(`${CSV_FILES[unit.defectFile].name},${writer.rows + 2},${unit.defect},${unit.invoice}\n`, 1);
    }
    if (unit.orderRows > 0) writers.orders.add(unit.orders, unit.orderRows);
    if (unit.partRows > 0) writers.parts.add(unit.parts, unit.partRows);
    if (unit.serviceRows > 0) writers.services.add(unit.services, unit.serviceRows);
  };
  /** An exact copy of a clean row joins the stream, if this row was picked for one. */
  const maybeCopy = (plan: FilePlan, row: string): void => {
    if (plan.copies.take(selection)) emit(window.push(EmissionUnit.copy(plan.key, row)));
  };
  /** A dirty variant of a clean row joins the stream; `fields` are the row's CSV-ready fields. */
  const addDirty = (plan: FilePlan, fields: string[], invoice: string): void => {
    const kind = plan.kinds.deal(selection);
    emit(window.push(EmissionUnit.dirty(plan.key, corruptRow(plan.key, kind, fields, corruption), kind, invoice)));
  };

  const { parts: catalogParts, services: catalogServices } = context.catalog;
  const partSku = catalogParts.map((p) => p.sku);
  const partPrice = catalogParts.map((p) => formatCents(p.priceCents));
  const customerIds = context.customers.map((cu) => String(cu.customerId));
  const invoices = new InvoiceStream(context);
  const d = invoices.draft;
  const partPrefix: string[] = [];
  const servicePrefix: string[] = [];
  const partFields: string[][] = [];
  const serviceFields: string[][] = [];

  try {
    while (invoices.next()) {
      const invoice = invoices.invoiceNumber;
      const customer = customerIds[d.customerIndex] as string;
      const orderDate = formatTimestamp(invoices.orderDate);
      const subtotal = formatCents(d.subtotalCents);
      const tax = formatCents(d.taxCents);
      const total = formatCents(d.totalCents);
      const orderType = d.orderType;
      for (let i = 0; i < d.partCount; i++) {
        const p = d.partIndex[i] as number;
        const f = [invoice, String(i + 1), partSku[p] as string, String(d.partQuantity[i]), partPrice[p] as string, formatCents(d.partTotalCents[i] as number)];
        partFields[i] = f;
        partPrefix[i] = `${f.join(',')},`;
      }
      for (let i = 0; i < d.serviceCount; i++) {
        const s = catalogServices[d.serviceIndex[i] as number];
        if (!s) throw new RangeError('service index out of range');
        const q = d.serviceQuantity[i] as number;
        const labor = d.serviceLaborCents[i] as number;
        const partsCost = d.servicePartsCents[i] as number;
        const f = [invoice, String(i + 1), s.serviceid, String(q), String(s.laborMinutes * q), formatCents(labor), formatCents(partsCost), formatCents(labor + partsCost)];
        serviceFields[i] = f;
        servicePrefix[i] = `${f.join(',')},`;
      }
      let orderRow = '';
      for (let v = 0; v < invoices.versions; v++) {
        const updated = formatTimestamp(invoices.updatedAt[v] as number);
        const note = invoices.note[v] as number;
        const payment = PAYMENT_METHODS[invoices.payment[v] as number] as string;
        const status = ORDER_STATUSES[invoices.status[v] as number] as string;
        const notes = note < 0 ? '' : (NOTES_CSV[note] as string);
        orderRow = `${invoice},${customer},${orderDate},${payment},${subtotal},${tax},${total},${orderType},${status},${notes},${orderDate},${updated}\n`;
        maybeCopy(plans.orders, orderRow);
        if (plans.orders.dirty.take(selection)) {
          const fields = [invoice, customer, orderDate, payment, subtotal, tax, total, orderType, status, notes, orderDate, updated];
          addDirty(plans.orders, fields, invoice);
        }
        let partText = '';
        for (let i = 0; i < d.partCount; i++) {
          const row = `${partPrefix[i]}${updated}\n`;
          partText += row;
          maybeCopy(plans.parts, row);
          if (plans.parts.dirty.take(selection)) addDirty(plans.parts, [...(partFields[i] as string[]), updated], invoice);
        }
        let serviceText = '';
        for (let i = 0; i < d.serviceCount; i++) {
          const row = `${servicePrefix[i]}${updated}\n`;
          serviceText += row;
          maybeCopy(plans.services, row);
          if (plans.services.dirty.take(selection)) addDirty(plans.services, [...(serviceFields[i] as string[]), updated], invoice);
        }
        if (v > 0) {
          laterOrderRows++;
          laterPartRows += d.partCount;
          laterServiceRows += d.serviceCount;
        }
        emit(window.push(new EmissionUnit(orderRow, 1, partText, d.partCount, serviceText, d.serviceCount)));
      }
      const last = invoices.versions - 1;
      const lastRow = orderRow.slice(0, -1);
      winners.add(
        `${invoice},${formatTimestamp(invoices.updatedAt[last] as number)},${invoices.versions},${invoices.versions},${ORDER_STATUSES[invoices.status[last] as number]},${PAYMENT_METHODS[invoices.payment[last] as number]},${total},${d.partCount},${d.serviceCount},${fnv1aHex(lastRow)}\n`,
        1,
      );
      if (writers.orders.full || writers.parts.full || writers.services.full || winners.full || defects.full) {
        for (const w of all) await w.flushIfFull();
      }
    }
    for (const unit of window.drain()) {
      emit(unit);
      if (all.some((w) => w.full)) for (const w of all) await w.flushIfFull();
    }
    for (const w of all) await w.close();
  } catch (error) {
    await Promise.all(all.map((w) => w.abort()));
    throw error;
  }
  bar.finish();

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
