import { PG_INVOICE_BASE, type GenerationContext, invoiceNumber } from '../context';
import { Random } from '../random/random';
import { OrderClock } from '../time/order-clock';
import { ExactLineAllocator } from './line-allocation';
import { OrderDraft } from './order-draft';
import { ORDER_STATUSES } from './order-vocabulary';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * The PostgreSQL orders in order_id order (chronological), one at a time: the same seed always
 * replays the same sequence, so each COPY pass can walk it again instead of buffering it.
 */
export class PgOrderStream {
  orderId = 0;
  orderDate = 0;
  updatedAt = 0;
  readonly draft = new OrderDraft();
  private readonly clock: OrderClock;
  private readonly lines: ExactLineAllocator;
  private readonly shapes: Random;
  private readonly content: Random;
  private readonly total: number;

  constructor(private readonly context: GenerationContext) {
    const { seed, counts } = context;
    this.total = counts.salesOrder;
    this.clock = new OrderClock(this.total, Random.stream(seed, 'pg-clock'));
    this.lines = new ExactLineAllocator(this.total, counts.salesOrderParts, counts.salesOrderServices);
    this.shapes = Random.stream(seed, 'pg-shapes');
    this.content = Random.stream(seed, 'pg-content');
  }

  get invoiceNumber(): string {
    return invoiceNumber(PG_INVOICE_BASE, this.orderId);
  }

  /** Advances to the next order; false when all orders were produced. */
  next(): boolean {
    if (this.orderId >= this.total) return false;
    this.orderId++;
    this.orderDate = this.clock.next();
    this.lines.next(this.shapes);
    const r = this.content;
    this.context.drafter.fill(this.draft, this.lines.partCount, this.lines.serviceCount, r);
    const status = ORDER_STATUSES[this.draft.statusIndex];
    const delay =
      status === 'Refunded'
        ? DAY + r.int(29 * DAY)
        : status === 'Cancelled'
          ? 5 * MINUTE + r.int(2 * DAY)
          : status === 'Completed'
            ? 20 * MINUTE + r.int(6 * HOUR)
            : r.int(HOUR);
    this.updatedAt = this.orderDate + delay;
    return true;
  }
}
