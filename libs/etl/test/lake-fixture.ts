import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import type { RunReport } from '../src/index';
import { buildRawZone } from './build-fixture';

/** The header of the sales_orders CSV export. */
export const ORDERS_HEADER =
  'invoice_number,customer_id,order_date,payment_method,subtotal,tax,total_amount,order_type,status,notes,created_at,updated_at';

/** One clean CSV order line (customer 1 exists in the fixture). */
export function orderLine(
  invoice: string,
  updatedAt: string,
  fields: { status?: string; total?: string } = {},
): string {
  return `${invoice},1,2024-05-01 10:00:00,Cash,10.00,0.83,${fields.total ?? '10.83'},Parts,${fields.status ?? 'Completed'},,2024-05-01 10:00:00,${updatedAt}`;
}

/** A fresh local lake with the fixture's raw zone (build-fixture.ts); remove() deletes it. */
export async function fixtureLake(): Promise<{ root: string; store: ObjectStore; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'etl-run-control-'));
  await buildRawZone({ root });
  return { root, store: openObjectStore(`file://${root}`), remove: () => rm(root, { recursive: true, force: true }) };
}

export function reportOf(reports: readonly RunReport[], job: string): RunReport {
  const found = reports.find((r) => r.job === job);
  if (!found) throw new Error(`no run report for ${job}`);
  return found;
}
