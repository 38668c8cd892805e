import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type HudiTable, createTable } from '../../src/index';

/** A small orders table keyed by invoice_number, partitioned by order_year/order_month, for write tests. */
export function orderStatusTable(dir: string, name: string): Promise<HudiTable> {
  return createTable({
    basePath: join(dir, name),
    tableName: name,
    recordKeyFields: ['invoice_number'],
    precombineField: 'updated_at',
    partitionFields: ['order_year', 'order_month'],
  });
}

/** invoice_number -> status of the table's latest snapshot (refreshed first). */
export async function snapshotStatuses(connection: DuckDBConnection, t: HudiTable): Promise<Record<string, unknown>> {
  const fresh = await t.refresh();
  const rows = await fresh.read(connection, { type: 'snapshot' }, { columns: ['invoice_number', 'status'] });
  return Object.fromEntries(rows.map((r) => [r['invoice_number'], r['status']]));
}
