import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import type { DuckDBConnection } from '@duckdb/node-api';

/** A store-relative file writer backed by a local lake folder (the test's ObjectStore root). */
export interface LakeFolder {
  readonly root: string;
}

/**
 * Writes one DMS-layout Parquet file: Op, _cdc_commit_ts, _cdc_commit_lsn, _cdc_seq, then the
 * table's columns given as a DuckDB SELECT body (`VALUES` rows with names).
 */
export async function writeDmsFile(
  connection: DuckDBConnection,
  lake: LakeFolder,
  table: string,
  file: string,
  columns: string,
  rows: string[],
): Promise<string> {
  const key = `raw/database/pg_${table}/${file}`;
  const target = path.join(lake.root, key);
  await mkdir(path.dirname(target), { recursive: true });
  await connection.run(
    `COPY (SELECT * FROM (VALUES ${rows.join(', ')}) v(${columns})) TO ${quoteLiteral(target)} (FORMAT parquet)`,
  );
  return key;
}

/** A CDC file name as libs/cdc writes it (first and last change position in the name). */
export function cdcFileName(
  time: string,
  firstLsn: number,
  firstSeq: number,
  lastLsn: number,
  lastSeq: number,
): string {
  const lsn = (n: number) => n.toString(16).toUpperCase().padStart(16, '0');
  const seq = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return `${time}-${lsn(firstLsn)}-${seq(firstSeq)}-${lsn(lastLsn)}-${seq(lastSeq)}.parquet`;
}

export async function writeCdcPosition(
  lake: LakeFolder,
  lsn: number,
  seq: number,
  slot = 'autocorp_cdc',
): Promise<void> {
  const target = path.join(lake.root, `state/cdc/${slot}/position.json`);
  await mkdir(path.dirname(target), { recursive: true });
  const text = `${Math.floor(lsn / 2 ** 32)
    .toString(16)
    .toUpperCase()}/${(lsn % 2 ** 32).toString(16).toUpperCase()}`;
  await writeFile(target, JSON.stringify({ version: 1, slotName: slot, position: { lsn: text, seq } }));
}

export async function writeRawCsv(
  lake: LakeFolder,
  table: string,
  ingestDate: string,
  file: string,
  lines: string[],
): Promise<string> {
  const key = `raw/csv/${table}/ingest_date=${ingestDate}/${file}`;
  const target = path.join(lake.root, key);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${lines.join('\n')}\n`);
  return key;
}

const META = 'Op, _cdc_commit_ts, _cdc_commit_lsn, _cdc_seq';
export const COLUMNS = {
  auto_parts: `${META}, sku, description, category, manufacturer, price, stock_quantity, created_at, updated_at`,
  service: `${META}, serviceid, service, category, labor_minutes, labor_rate, labor_cost, created_at, updated_at`,
  service_parts: `${META}, serviceid, sku, quantity, created_at, updated_at`,
  customers: `${META}, customer_id, first_name, last_name, email, phone, address, city, state, zip_code, created_at, updated_at`,
  sales_order: `${META}, order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes, created_at, updated_at`,
  sales_order_parts: `${META}, line_item_id, order_id, sku, quantity, unit_price, line_total, created_at`,
  sales_order_services: `${META}, line_item_id, order_id, serviceid, quantity, labor_minutes, labor_cost, parts_cost, line_total, created_at`,
};

/** `('I', TIMESTAMPTZ '...', lsn, seq, ...)` */
export function change(op: 'I' | 'U' | 'D', lsn: number, seq: number, values: string): string {
  return `('${op}', TIMESTAMPTZ '2025-06-01 00:00:00+00', ${lsn}::BIGINT, ${seq}::BIGINT, ${values})`;
}
