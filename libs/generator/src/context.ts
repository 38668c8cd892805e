import { buildCatalog } from './catalog/build-catalog';
import type { Catalog } from './catalog/catalog';
import type { CustomerRecord } from './customers/customer-record';
import { CustomerSource, customerPicker } from './customers/customer-source';
import { sampleCustomers } from './customers/sample-customers';
import { OrderDrafter } from './orders/order-draft';
import { Random } from './random/random';
import { type PlannedCounts, plannedCounts } from './scale';
import { checkVocabulary } from './vocabulary-checks';

/** Everything both outputs share: the plan, the catalog and the customers (all small). */
export interface GenerationContext {
  readonly seed: number;
  readonly counts: PlannedCounts;
  readonly catalog: Catalog;
  readonly customerSource: CustomerSource;
  /** The PostgreSQL customers, sorted by customer id. */
  readonly customers: readonly CustomerRecord[];
  readonly drafter: OrderDrafter;
}

export function createContext(seed: number, scale: number): GenerationContext {
  const counts = plannedCounts(scale);
  const catalog = buildCatalog(seed);
  checkVocabulary(catalog);
  const customerSource = new CustomerSource(seed, counts.customersSource, counts.customersDuplicateEmails);
  const customers = sampleCustomers(customerSource, counts.customers, seed);
  const drafter = new OrderDrafter(
    catalog,
    customerPicker(customers.length, Random.stream(seed, 'customer-weights')),
    Random.stream(seed, 'popularity'),
  );
  return { seed, counts, catalog, customerSource, customers, drafter };
}

/** Invoice numbers share one format; PostgreSQL and CSV use disjoint ranges. */
export const PG_INVOICE_BASE = 1_000_000_000;
export const CSV_INVOICE_BASE = 5_000_000_000;

export function invoiceNumber(base: number, ordinal: number): string {
  return `INV-${base + ordinal}`;
}
