import { JOBS } from '@autocorp/etl-jobs';
import type { ExecuteOptions, QueryExecutor, ResultRow } from '@autocorp/query';

/** The curated tables the data documents are read from, each with the SELECT that reads it. */
export const SOURCE_READS = {
  auto_parts: 'SELECT sku, description, category, manufacturer, price, stock_quantity FROM auto_parts ORDER BY sku',
  service: 'SELECT serviceid, service, category, labor_minutes, labor_rate, labor_cost FROM service ORDER BY serviceid',
  service_parts: 'SELECT serviceid, sku, quantity FROM service_parts ORDER BY serviceid, sku',
  sales_order: `SELECT 'sales_order' AS table_name, 'payment_method' AS column_name, payment_method AS value, count(*) AS occurrences FROM sales_order WHERE payment_method IS NOT NULL GROUP BY payment_method
UNION ALL SELECT 'sales_order', 'order_type', order_type, count(*) FROM sales_order GROUP BY order_type
UNION ALL SELECT 'sales_order', 'status', status, count(*) FROM sales_order WHERE status IS NOT NULL GROUP BY status`,
  customers: `SELECT 'customers' AS table_name, 'state' AS column_name, state AS value, count(*) AS occurrences FROM customers GROUP BY state`,
} as const;

export type SourceTable = keyof typeof SOURCE_READS;
export const SOURCE_TABLES = Object.keys(SOURCE_READS) as SourceTable[];

/** What a table looks like now: its latest commit instant and row count (a delete changes the count). */
export interface TableSignature {
  readonly commit: string | null;
  readonly rows: number;
}

/** Every curated table (one per job): their commit instants are what citations name. */
export const CURATED_TABLES: readonly string[] = JOBS.map((j) => j.hudi.tableName);

export function isSourceTable(table: string): table is SourceTable {
  return Object.hasOwn(SOURCE_READS, table);
}

/** One query for the signatures of every curated table (Hudi's `_hoodie_commit_time` on each row). */
export async function readSignatures(
  executor: QueryExecutor,
  options: ExecuteOptions,
): Promise<Map<string, TableSignature>> {
  const sql = CURATED_TABLES.map(
    (t) => `SELECT '${t}' AS table_name, max(_hoodie_commit_time) AS commit_time, count(*) AS row_count FROM ${t}`,
  ).join('\nUNION ALL ');
  const result = await executor.execute(sql, [], options);
  const signatures = new Map<string, TableSignature>();
  for (const row of result.rows) {
    const commit = row['commit_time'];
    signatures.set(String(row['table_name']), {
      commit: commit === null || commit === undefined ? null : String(commit),
      rows: Number(row['row_count']),
    });
  }
  return signatures;
}

export async function readSource(
  executor: QueryExecutor,
  table: SourceTable,
  options: ExecuteOptions,
): Promise<ResultRow[]> {
  return (await executor.execute(SOURCE_READS[table], [], options)).rows;
}
