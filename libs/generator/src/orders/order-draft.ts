import type { OrderType } from '@autocorp/schema';
import type { Catalog } from '../catalog/catalog';
import type { Random } from '../random/random';
import { WeightedPicker } from '../random/weighted-picker';
import { taxCents } from '../format/money';
import {
  ORDER_NOTES,
  PART_QUANTITIES,
  PART_QUANTITY_WEIGHTS,
  PAYMENT_WEIGHTS,
  STATUS_WEIGHTS,
} from './order-vocabulary';

function holds(values: Int32Array, count: number, value: number): boolean {
  for (let i = 0; i < count; i++) if (values[i] === value) return true;
  return false;
}

/** The order type of an order with these line counts (the schema's ORDER_TYPES). */
export function orderTypeOf(partLines: number, serviceLines: number): OrderType {
  return partLines > 0 ? (serviceLines > 0 ? 'Mixed' : 'Parts') : 'Service';
}

export const MAX_PART_LINES = 15;
export const MAX_SERVICE_LINES = 6;

/**
 * The content of one order, reused from order to order (no allocation per order). Lines point
 * into the catalog by index; money is in integer cents.
 */
export class OrderDraft {
  customerIndex = 0;
  paymentIndex = 0;
  statusIndex = 0;
  /** -1 when the order has no note. */
  noteIndex = -1;
  partCount = 0;
  serviceCount = 0;
  readonly partIndex = new Int32Array(MAX_PART_LINES);
  readonly partQuantity = new Int32Array(MAX_PART_LINES);
  readonly partTotalCents = new Float64Array(MAX_PART_LINES);
  readonly serviceIndex = new Int32Array(MAX_SERVICE_LINES);
  readonly serviceQuantity = new Int32Array(MAX_SERVICE_LINES);
  readonly serviceLaborCents = new Float64Array(MAX_SERVICE_LINES);
  readonly servicePartsCents = new Float64Array(MAX_SERVICE_LINES);
  subtotalCents = 0;
  taxCents = 0;
  totalCents = 0;

  get orderType(): OrderType {
    return orderTypeOf(this.partCount, this.serviceCount);
  }
}

/** Fills drafts with catalog lines, customers, payment and status, consistently priced. */
export class OrderDrafter {
  private readonly partPicker: WeightedPicker;
  private readonly servicePicker: WeightedPicker;
  private readonly quantityPicker = new WeightedPicker(PART_QUANTITY_WEIGHTS);
  private readonly paymentPicker = new WeightedPicker(PAYMENT_WEIGHTS);
  private readonly statusPicker = new WeightedPicker(STATUS_WEIGHTS);

  constructor(
    private readonly catalog: Catalog,
    private readonly customers: WeightedPicker,
    popularity: Random,
  ) {
    // Cheap consumables sell far more often than engines.
    this.partPicker = new WeightedPicker(catalog.parts.map((p) => (0.3 + popularity.next()) / Math.sqrt(p.priceCents)));
    this.servicePicker = new WeightedPicker(
      catalog.services.map((s) => (0.3 + popularity.next()) / Math.sqrt(s.laborMinutes)),
    );
  }

  /** Draws an order with exactly `partCount` part lines and `serviceCount` service lines. */
  fill(draft: OrderDraft, partCount: number, serviceCount: number, random: Random): void {
    draft.customerIndex = this.customers.pick(random);
    draft.paymentIndex = this.paymentPicker.pick(random);
    draft.statusIndex = this.statusPicker.pick(random);
    draft.noteIndex = random.chance(0.15) ? random.int(ORDER_NOTES.length) : -1;
    let subtotal = 0;
    draft.partCount = partCount;
    for (let i = 0; i < partCount; i++) {
      let p = this.partPicker.pick(random);
      while (holds(draft.partIndex, i, p)) p = this.partPicker.pick(random);
      const quantity = PART_QUANTITIES[this.quantityPicker.pick(random)] as number;
      const total = quantity * (this.catalog.parts[p]?.priceCents as number);
      draft.partIndex[i] = p;
      draft.partQuantity[i] = quantity;
      draft.partTotalCents[i] = total;
      subtotal += total;
    }
    draft.serviceCount = serviceCount;
    for (let i = 0; i < serviceCount; i++) {
      let s = this.servicePicker.pick(random);
      while (holds(draft.serviceIndex, i, s)) s = this.servicePicker.pick(random);
      const service = this.catalog.services[s];
      if (!service) throw new RangeError(`service index ${s} out of range`);
      const quantity = random.chance(0.05) ? 2 : 1;
      draft.serviceIndex[i] = s;
      draft.serviceQuantity[i] = quantity;
      const labor = quantity * service.laborCostCents;
      const partsCost = quantity * service.partsCostCents;
      draft.serviceLaborCents[i] = labor;
      draft.servicePartsCents[i] = partsCost;
      subtotal += labor + partsCost;
    }
    draft.subtotalCents = subtotal;
    draft.taxCents = taxCents(subtotal);
    draft.totalCents = subtotal + draft.taxCents;
  }
}
