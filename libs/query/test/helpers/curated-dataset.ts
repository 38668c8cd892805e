import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Catalog, LocalCatalogBackend, crawlCuratedHudi } from '@autocorp/catalog';
import { createTable } from '@autocorp/hudi';
import { LocalObjectStore } from '@autocorp/lake-storage';
import type { DuckDBConnection } from '@duckdb/node-api';

/** The small curated dataset, as DuckDB SQL per table (deterministic). */
export const DATASET: Record<string, { sql: string; key: string[]; precombine: string; partition?: string[] }> = {
  auto_parts: {
    key: ['sku'],
    precombine: 'updated_at',
    sql: `SELECT 'P-' || lpad(i::VARCHAR, 3, '0') AS sku, 'Part ' || i AS description, (['Brakes','Engine','Tires'])[1 + i % 3] AS category,
      'M' || (i % 4) AS manufacturer, CAST(5 + (i * 7) % 90 + 0.99 AS DECIMAL(10,2)) AS price, ((i * 13) % 50)::INTEGER AS stock_quantity,
      TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at FROM range(1, 31) t(i)`,
  },
  service: {
    key: ['serviceid'],
    precombine: 'updated_at',
    sql: `SELECT 'SRV-BRK-' || lpad(i::VARCHAR, 3, '0') AS serviceid, 'Service ' || i AS service, (['Brakes','Engine'])[1 + i % 2] AS category,
      (30 + i * 5)::INTEGER AS labor_minutes, CAST(100 + i AS DECIMAL(8,2)) AS labor_rate, CAST((100 + i) * (30 + i * 5) / 60.0 AS DECIMAL(10,2)) AS labor_cost,
      TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at FROM range(1, 11) t(i)`,
  },
  service_parts: {
    key: ['serviceid', 'sku'],
    precombine: 'updated_at',
    sql: `SELECT 'SRV-BRK-' || lpad(i::VARCHAR, 3, '0') AS serviceid, 'P-' || lpad(((i * 3 + j * 5) % 30 + 1)::VARCHAR, 3, '0') AS sku,
      (1 + (i + j) % 3)::INTEGER AS quantity, TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at
      FROM range(1, 11) s(i), range(0, 4) p(j) WHERE j < i % 4`,
  },
  customers: {
    key: ['customer_id'],
    precombine: 'updated_at',
    sql: `SELECT i::INTEGER AS customer_id, 'First' || i AS first_name, 'Last' || i AS last_name, 'c' || i || '@example.com' AS email,
      NULL::VARCHAR AS phone, NULL::VARCHAR AS address, NULL::VARCHAR AS city, CASE WHEN i % 7 < 3 THEN 'TX' ELSE (['CA','NY','FL','WA'])[1 + i % 4] END AS state,
      NULL::VARCHAR AS zip_code, TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at FROM range(1, 51) t(i)`,
  },
  sales_order: {
    key: ['invoice_number'],
    precombine: 'updated_at',
    partition: ['order_year'],
    sql: `SELECT 'INV-' || lpad(i::VARCHAR, 5, '0') AS invoice_number, i::BIGINT AS order_id, (1 + i % 50)::INTEGER AS customer_id,
      TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i * 2) DAY + INTERVAL (i % 9) HOUR AS order_date,
      year(TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i * 2) DAY + INTERVAL (i % 9) HOUR)::INTEGER AS order_year,
      (['Cash','Card','Check'])[1 + i % 3] AS payment_method, CAST(10 + (i * 37) % 400 + 0.25 AS DECIMAL(12,2)) AS subtotal,
      CAST(((10 + (i * 37) % 400 + 0.25) * 0.08) AS DECIMAL(12,2)) AS tax,
      CAST(10 + (i * 37) % 400 + 0.25 AS DECIMAL(12,2)) + CAST(((10 + (i * 37) % 400 + 0.25) * 0.08) AS DECIMAL(12,2)) AS total_amount,
      (['Parts','Service','Mixed'])[1 + (i % 4) % 3] AS order_type, 'Completed' AS status, NULL::VARCHAR AS notes,
      TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at, 'postgres' AS source_system FROM range(1, 301) t(i)`,
  },
  sales_order_line_items: {
    key: ['invoice_number', 'line_type', 'line_number'],
    precombine: 'updated_at',
    sql: `SELECT 'INV-' || lpad(i::VARCHAR, 5, '0') AS invoice_number, 'part' AS line_type, l::BIGINT AS line_number,
      'P-' || lpad(((i * 7 + l * 11) % 30 + 1)::VARCHAR, 3, '0') AS item_code, 'Part ' || ((i * 7 + l * 11) % 30 + 1) AS item_description,
      (['Brakes','Engine','Tires'])[1 + ((i * 7 + l * 11) % 30 + 1) % 3] AS item_category, 'M' || (((i * 7 + l * 11) % 30 + 1) % 4) AS manufacturer,
      (1 + (i + l) % 4)::INTEGER AS quantity, CAST(5 + (((i * 7 + l * 11) % 30 + 1) * 7) % 90 + 0.99 AS DECIMAL(10,2)) AS unit_price,
      NULL::INTEGER AS labor_minutes, NULL::DECIMAL(10,2) AS labor_cost, NULL::DECIMAL(10,2) AS parts_cost,
      CAST((1 + (i + l) % 4) * (5 + (((i * 7 + l * 11) % 30 + 1) * 7) % 90 + 0.99) AS DECIMAL(12,2)) AS line_total,
      CASE WHEN row_number() OVER (PARTITION BY i, (i * 7 + l * 11) % 30 ORDER BY l) = 1 THEN 1 ELSE 0 END::INTEGER AS first_line_of_sku_in_invoice,
      TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i * 2) DAY + INTERVAL (i % 9) HOUR AS order_date,
      year(TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i * 2) DAY + INTERVAL (i % 9) HOUR)::INTEGER AS order_year, (1 + i % 50)::INTEGER AS customer_id,
      (['Parts','Service','Mixed'])[1 + (i % 4) % 3] AS order_type, 'postgres' AS source_system, TIMESTAMP '2024-01-01 00:00:00' AS updated_at
      FROM range(1, 301) o(i), range(1, 4) n(l)
      UNION ALL
      SELECT 'INV-' || lpad(i::VARCHAR, 5, '0'), 'service', 1, 'SRV-BRK-001', 'Service 1', 'Brakes', NULL, 9, NULL, 35, 60.00, 0.00, 60.00, 0,
      TIMESTAMP '2023-01-01 08:00:00' + INTERVAL (i * 2) DAY, 2023, 1, 'Service', 'postgres', TIMESTAMP '2024-01-01 00:00:00'
      FROM range(2, 301, 2) o(i)`,
  },
  sales_order_parts: {
    key: ['invoice_number', 'line_number'],
    precombine: 'updated_at',
    sql: `SELECT 'INV-' || lpad(i::VARCHAR, 5, '0') AS invoice_number, l::BIGINT AS line_number, (i * 10 + l)::BIGINT AS line_item_id, i::BIGINT AS order_id,
      'P-' || lpad(((i * 7 + l * 11) % 30 + 1)::VARCHAR, 3, '0') AS sku, (1 + (i + l) % 4)::INTEGER AS quantity,
      CAST(5 + (((i * 7 + l * 11) % 30 + 1) * 7) % 90 + 0.99 AS DECIMAL(10,2)) AS unit_price,
      CAST((1 + (i + l) % 4) * (5 + (((i * 7 + l * 11) % 30 + 1) * 7) % 90 + 0.99) AS DECIMAL(12,2)) AS line_total,
      TIMESTAMP '2024-01-01 00:00:00' AS created_at, TIMESTAMP '2024-01-01 00:00:00' AS updated_at, 'postgres' AS source_system
      FROM range(1, 301) o(i), range(1, 4) n(l)`,
  },
};

export interface CuratedLake {
  readonly dir: string;
  readonly store: LocalObjectStore;
  readonly catalog: Catalog;
  close(): Promise<void>;
}

/** Writes the dataset as Hudi tables under curated/ (libs/hudi) and crawls them into a local catalog. */
export async function createCuratedLake(connection: DuckDBConnection): Promise<CuratedLake> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'query-test-'));
  const store = new LocalObjectStore(path.join(dir, 'lake'));
  for (const [name, spec] of Object.entries(DATASET)) {
    const table = await createTable({
      basePath: path.join(store.root, 'curated', name),
      tableName: name,
      recordKeyFields: spec.key,
      precombineField: spec.precombine,
      partitionFields: spec.partition ?? [],
      hiveStylePartitioning: true,
    });
    await table.write(connection, 'upsert', spec.sql);
  }
  const catalog = new Catalog(new LocalCatalogBackend({ root: path.join(dir, 'catalog') }));
  await crawlCuratedHudi({ store, catalog });
  return { dir, store, catalog, close: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** The same dataset as plain DuckDB tables, for hand-written expected results. */
export async function loadPlainTables(connection: DuckDBConnection): Promise<void> {
  for (const [name, spec] of Object.entries(DATASET))
    await connection.run(`CREATE OR REPLACE TABLE ${name} AS ${spec.sql}`);
}
