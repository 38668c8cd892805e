import type { Random } from '../random/random';
import { MAX_PART_LINES, MAX_SERVICE_LINES } from './order-draft';

function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/** Share of service-bearing orders that also sell parts over the counter. */
const MIXED_SHARE = 0.55;

/**
 * Splits exactly `parts` part lines and `services` service lines over exactly `orders` orders,
 * one order at a time, without knowing the future: every draw follows the remaining mean and is
 * clamped so the rest can still be met exactly (each order gets at least one line).
 */
export class ExactLineAllocator {
  partCount = 0;
  serviceCount = 0;

  constructor(
    private ordersLeft: number,
    private partsLeft: number,
    private servicesLeft: number,
  ) {
    if (
      partsLeft < ordersLeft ||
      partsLeft > MAX_PART_LINES * ordersLeft ||
      servicesLeft > MAX_SERVICE_LINES * ordersLeft
    ) {
      throw new RangeError(
        `cannot split ${partsLeft} part and ${servicesLeft} service lines over ${ordersLeft} orders`,
      );
    }
  }

  /** Sets partCount and serviceCount for the next order. */
  next(random: Random): void {
    const n = this.ordersLeft;
    if (n <= 0) throw new RangeError('ExactLineAllocator asked for more orders than planned');
    const hasServices = Math.min(0.95, this.servicesLeft / n / 1.15);
    let s = random.chance(hasServices) ? 1 + random.geometric(0.15) : 0;
    s = clamp(
      s,
      Math.max(0, this.servicesLeft - MAX_SERVICE_LINES * (n - 1)),
      Math.min(MAX_SERVICE_LINES, this.servicesLeft),
    );
    const withParts = 1 - hasServices * (1 - MIXED_SHARE);
    let p = s > 0 && !random.chance(MIXED_SHARE) ? 0 : 1 + random.geometric(this.partsLeft / n / withParts - 1);
    p = clamp(
      p,
      Math.max(s === 0 ? 1 : 0, this.partsLeft - MAX_PART_LINES * (n - 1)),
      Math.min(MAX_PART_LINES, this.partsLeft - (n - 1)),
    );
    this.partCount = p;
    this.serviceCount = s;
    this.ordersLeft = n - 1;
    this.partsLeft -= p;
    this.servicesLeft -= s;
  }
}

export const MAX_VERSIONS = 6;
/** Share of the line-row budget that versions aim at; exact copies fill the rest. */
const LINE_TARGET_SHARE = 0.9;

/**
 * Shapes the CSV invoices: exactly `invoices` invoices with exactly `versions` versions in all,
 * and line counts whose rows over all versions (lines x versions) never exceed the row budgets;
 * they aim at 90 % of each budget and the exact copies make up the rest.
 */
export class InvoiceShapeAllocator {
  versionCount = 0;
  partCount = 0;
  serviceCount = 0;
  private partTarget: number;
  private serviceTarget: number;

  constructor(
    private invoicesLeft: number,
    private versionsLeft: number,
    private partRowsLeft: number,
    private serviceRowsLeft: number,
  ) {
    if (versionsLeft < invoicesLeft || versionsLeft > MAX_VERSIONS * invoicesLeft || partRowsLeft < versionsLeft) {
      throw new RangeError(
        `cannot shape ${invoicesLeft} invoices with ${versionsLeft} versions and ${partRowsLeft} part rows`,
      );
    }
    this.partTarget = partRowsLeft * LINE_TARGET_SHARE;
    this.serviceTarget = serviceRowsLeft * LINE_TARGET_SHARE;
  }

  next(random: Random): void {
    const n = this.invoicesLeft;
    if (n <= 0) throw new RangeError('InvoiceShapeAllocator asked for more invoices than planned');
    let v = 1 + random.geometric(this.versionsLeft / n - 1);
    v = clamp(
      v,
      Math.max(1, this.versionsLeft - MAX_VERSIONS * (n - 1)),
      Math.min(MAX_VERSIONS, this.versionsLeft - (n - 1)),
    );
    const versions = this.versionsLeft;
    const hasServices = Math.min(0.9, Math.max(0, this.serviceTarget / versions / 1.2));
    let s = random.chance(hasServices) ? 1 + random.geometric(0.2) : 0;
    s = Math.min(s, MAX_SERVICE_LINES, Math.floor(this.serviceRowsLeft / v));
    const withParts = 1 - hasServices * (1 - MIXED_SHARE);
    let p = s > 0 && !random.chance(MIXED_SHARE) ? 0 : 1 + random.geometric(this.partTarget / versions / withParts - 1);
    p = clamp(p, s === 0 ? 1 : 0, Math.min(MAX_PART_LINES, Math.floor((this.partRowsLeft - (versions - v)) / v)));
    this.versionCount = v;
    this.partCount = p;
    this.serviceCount = s;
    this.invoicesLeft = n - 1;
    this.versionsLeft -= v;
    this.partRowsLeft -= v * p;
    this.serviceRowsLeft -= v * s;
    this.partTarget -= v * p;
    this.serviceTarget -= v * s;
  }
}
