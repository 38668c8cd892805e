import type { Catalog, Part, Service, ServicePart } from '@autocorp/generator';
import type { IdSet } from './id-set';

/** A part line of an open order, as the simulator knows it (money in integer cents). */
export interface PartLine {
  readonly lineItemId: number;
  readonly sku: string;
  readonly quantity: number;
  readonly unitCents: number;
  readonly totalCents: number;
}

export interface ServiceLine {
  readonly lineItemId: number;
  readonly serviceid: string;
  readonly quantity: number;
  readonly laborMinutes: number;
  readonly laborCents: number;
  readonly partsCents: number;
}

/** An order that can still change (Pending or In Progress): its lines are kept to recompute totals. */
export interface OpenOrder {
  readonly orderId: number;
  status: 'Pending' | 'In Progress';
  readonly parts: PartLine[];
  readonly services: ServiceLine[];
}

/** The live catalog: the generator's Catalog shape with arrays the simulator updates on price changes. */
export interface LiveCatalog extends Catalog {
  readonly parts: Part[];
  readonly services: Service[];
  readonly serviceParts: readonly ServicePart[];
}

/** What the simulator knows of the source database: read at start, then kept up to date by each commit. */
export interface SourceState {
  readonly catalog: LiveCatalog;
  readonly partIndexBySku: ReadonlyMap<string, number>;
  /** For each sku, the services that need it (index into catalog.services) and how many. */
  readonly servicesUsingSku: ReadonlyMap<string, readonly { service: number; quantity: number }[]>;
  /** Customer ids in ascending order. */
  readonly customerIds: readonly number[];
  readonly open: IdSet<OpenOrder>;
  /** Order ids by status, for refunds (Completed) and purges (Cancelled). */
  readonly completed: IdSet<number>;
  readonly cancelled: IdSet<number>;
  nextOrderId: number;
  nextPartLineId: number;
  nextServiceLineId: number;
  /** Orders in the database when the state was read. */
  readonly orderCount: number;
}

/** Subtotal of an order's lines in cents. */
export function subtotalOf(order: OpenOrder): number {
  let cents = 0;
  for (const p of order.parts) cents += p.totalCents;
  for (const s of order.services) cents += s.laborCents + s.partsCents;
  return cents;
}
