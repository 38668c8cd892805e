import { CSV_INVOICE_BASE, type GenerationContext, invoiceNumber } from '../context';
import { InvoiceShapeAllocator, MAX_VERSIONS } from '../orders/line-allocation';
import { OrderDraft } from '../orders/order-draft';
import { ORDER_NOTES, ORDER_STATUSES, PAYMENT_METHODS } from '../orders/order-vocabulary';
import { Random } from '../random/random';
import { OrderClock } from '../time/order-clock';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const COMPLETED = ORDER_STATUSES.indexOf('Completed');
const REFUNDED = ORDER_STATUSES.indexOf('Refunded');
const PENDING = ORDER_STATUSES.indexOf('Pending');
const IN_PROGRESS = ORDER_STATUSES.indexOf('In Progress');

/** Shapes only (versions and line counts), from their own random stream: cheap to replay. */
export function createShapeAllocator(context: GenerationContext): InvoiceShapeAllocator {
  const c = context.counts;
  return new InvoiceShapeAllocator(
    c.csvUniqueInvoices,
    c.csvOrderVersions,
    c.csvParts.rows - c.csvParts.dirtyRows,
    c.csvServices.rows - c.csvServices.dirtyRows,
  );
}

export interface InvoiceShapeTotals {
  readonly versionRows: number;
  readonly partVersionRows: number;
  readonly serviceVersionRows: number;
  readonly uniquePartLines: number;
  readonly uniqueServiceLines: number;
}

/** First pass: the row totals the versions produce, so exact copies can be spread evenly. */
export function measureInvoiceShapes(context: GenerationContext): InvoiceShapeTotals {
  const shapes = createShapeAllocator(context);
  const random = Random.stream(context.seed, 'csv-shapes');
  let versionRows = 0;
  let partVersionRows = 0;
  let serviceVersionRows = 0;
  let uniquePartLines = 0;
  let uniqueServiceLines = 0;
  for (let i = 0; i < context.counts.csvUniqueInvoices; i++) {
    shapes.next(random);
    versionRows += shapes.versionCount;
    partVersionRows += shapes.versionCount * shapes.partCount;
    serviceVersionRows += shapes.versionCount * shapes.serviceCount;
    uniquePartLines += shapes.partCount;
    uniqueServiceLines += shapes.serviceCount;
  }
  return { versionRows, partVersionRows, serviceVersionRows, uniquePartLines, uniqueServiceLines };
}

/**
 * The invoices of the CSV export in invoice-number order (chronological), each with 1..6
 * versions: the same lines and amounts, a strictly later updated_at, and a changed status,
 * payment method or note. The last version is the one that must win.
 */
export class InvoiceStream {
  ordinal = 0;
  orderDate = 0;
  versions = 0;
  readonly draft = new OrderDraft();
  readonly updatedAt = new Float64Array(MAX_VERSIONS);
  readonly status = new Int32Array(MAX_VERSIONS);
  readonly payment = new Int32Array(MAX_VERSIONS);
  readonly note = new Int32Array(MAX_VERSIONS);
  private readonly clock: OrderClock;
  private readonly shapes: InvoiceShapeAllocator;
  private readonly shapeRandom: Random;
  private readonly content: Random;
  private readonly history: Random;
  private readonly total: number;

  constructor(private readonly context: GenerationContext) {
    const { seed, counts } = context;
    this.total = counts.csvUniqueInvoices;
    this.clock = new OrderClock(this.total, Random.stream(seed, 'csv-clock'));
    this.shapes = createShapeAllocator(context);
    this.shapeRandom = Random.stream(seed, 'csv-shapes');
    this.content = Random.stream(seed, 'csv-content');
    this.history = Random.stream(seed, 'csv-versions');
  }

  get invoiceNumber(): string {
    return invoiceNumber(CSV_INVOICE_BASE, this.ordinal);
  }

  next(): boolean {
    if (this.ordinal >= this.total) return false;
    this.ordinal++;
    this.orderDate = this.clock.next();
    this.shapes.next(this.shapeRandom);
    this.versions = this.shapes.versionCount;
    this.context.drafter.fill(this.draft, this.shapes.partCount, this.shapes.serviceCount, this.content);
    this.writeHistory();
    return true;
  }

  private writeHistory(): void {
    const r = this.history;
    const d = this.draft;
    let status = d.statusIndex;
    if (this.versions > 1) status = r.chance(0.5) ? PENDING : r.chance(0.4) ? IN_PROGRESS : status;
    let payment = d.paymentIndex;
    let note = d.noteIndex;
    let at = this.orderDate + 5 * MINUTE + r.int(85 * MINUTE);
    for (let v = 0; v < this.versions; v++) {
      if (v > 0) {
        at += HOUR + r.int(r.chance(0.7) ? 2 * DAY : 20 * DAY);
        if (status === PENDING) status = r.chance(0.5) ? IN_PROGRESS : COMPLETED;
        else if (status === IN_PROGRESS) status = COMPLETED;
        else {
          const change = r.next();
          if (change < 0.4) payment = (payment + 1 + r.int(PAYMENT_METHODS.length - 1)) % PAYMENT_METHODS.length;
          else if (change < 0.8 || status !== COMPLETED)
            note = ((note + 2 + r.int(ORDER_NOTES.length)) % (ORDER_NOTES.length + 1)) - 1;
          else status = REFUNDED;
        }
      }
      this.updatedAt[v] = at;
      this.status[v] = status;
      this.payment[v] = payment;
      this.note[v] = note;
    }
  }
}
