import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CSV_FILES } from '@autocorp/generator';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';

/**
 * The answers the lake must give, computed from the sources without any code of the pipeline:
 * PostgreSQL tables as they are now, plus the CSV export read by DuckDB with the manifest's dirty
 * rows dropped and each key's latest `updated_at` winning, copied into PostgreSQL schema `oracle`.
 * Views there: `oracle.orders` (both sources' order headers) and `oracle.part_lines` (both sources' part lines).
 */
export interface SourceOracle {
  /** Runs SQL in PostgreSQL; every value comes back as PostgreSQL's text (or null). */
  rows(sql: string, params?: readonly unknown[]): Promise<Record<string, string | null>[]>;
  /** CSV invoices whose deduplicated order differs from the generator's answer key (expected_winners.csv). */
  winnerMismatches(): Promise<number>;
  readonly csvOrders: number;
  readonly csvPartLines: number;
  close(): Promise<void>;
}

type DirtyLines = Map<string, Set<number>>;

async function readDirtyLines(exportDir: string): Promise<DirtyLines> {
  const text = await readFile(path.join(exportDir, CSV_FILES.defects.name), 'utf8');
  const dirty: DirtyLines = new Map();
  for (const line of text.split('\n').slice(1)) {
    if (line === '') continue;
    const [file, lineNumber] = line.split(',');
    if (!file || !lineNumber) throw new Error(`Cannot read defect line "${line}" of ${CSV_FILES.defects.name}.`);
    const set = dirty.get(file) ?? new Set<number>();
    set.add(Number(lineNumber));
    dirty.set(file, set);
  }
  return dirty;
}

/** Copies a CSV file without the given line numbers (header = line 1); every record must be one line. */
async function withoutLines(source: string, target: string, drop: ReadonlySet<number>): Promise<void> {
  const lines = (await readFile(source, 'utf8')).split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (line === '' || drop.has(i + 1)) return;
    if ((line.match(/"/g) ?? []).length % 2 !== 0)
      throw new Error(`${source} line ${i + 1} holds an odd number of quotes; the oracle reads one record per line.`);
    kept.push(line);
  });
  await writeFile(target, `${kept.join('\n')}\n`);
}

const ORDER_COLUMNS =
  "{'invoice_number': 'VARCHAR', 'customer_id': 'INTEGER', 'order_date': 'TIMESTAMP', 'payment_method': 'VARCHAR', 'subtotal': 'DECIMAL(12,2)', 'tax': 'DECIMAL(12,2)', 'total_amount': 'DECIMAL(12,2)', 'order_type': 'VARCHAR', 'status': 'VARCHAR', 'notes': 'VARCHAR', 'created_at': 'TIMESTAMP', 'updated_at': 'TIMESTAMP'}";
const PART_COLUMNS =
  "{'invoice_number': 'VARCHAR', 'line_number': 'INTEGER', 'sku': 'VARCHAR', 'quantity': 'INTEGER', 'unit_price': 'DECIMAL(10,2)', 'line_total': 'DECIMAL(12,2)', 'updated_at': 'TIMESTAMP'}";

function readCsv(file: string, columns: string): string {
  return `read_csv('${file.replace(/'/g, "''")}', header = true, auto_detect = false, strict_mode = true, columns = ${columns})`;
}

async function jsonRows(duck: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Builds the oracle next to the source tables of `connection` from the export folder; `workDir` holds the cleaned CSV copies. */
export async function buildSourceOracle(
  connection: pg.ClientConfig,
  exportDir: string,
  workDir: string,
): Promise<SourceOracle> {
  const dirty = await readDirtyLines(exportDir);
  const ordersFile = path.join(workDir, 'oracle-orders.csv');
  const partsFile = path.join(workDir, 'oracle-parts.csv');
  await withoutLines(
    path.join(exportDir, CSV_FILES.orders.name),
    ordersFile,
    dirty.get(CSV_FILES.orders.name) ?? new Set(),
  );
  await withoutLines(
    path.join(exportDir, CSV_FILES.parts.name),
    partsFile,
    dirty.get(CSV_FILES.parts.name) ?? new Set(),
  );

  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const duck = await instance.connect();
  await duck.run(`CREATE TABLE csv_orders AS SELECT * FROM ${readCsv(ordersFile, ORDER_COLUMNS)}
    QUALIFY row_number() OVER (PARTITION BY invoice_number ORDER BY updated_at DESC) = 1`);
  await duck.run(`CREATE TABLE csv_parts AS SELECT * FROM ${readCsv(partsFile, PART_COLUMNS)}
    QUALIFY row_number() OVER (PARTITION BY invoice_number, line_number ORDER BY updated_at DESC) = 1`);
  const winnersFile = path.join(exportDir, CSV_FILES.winners.name).replace(/'/g, "''");
  await duck.run(`CREATE TABLE winners AS SELECT * FROM read_csv('${winnersFile}', header = true, auto_detect = true)`);

  const client = new pg.Client({ ...connection, types: { getTypeParser: () => (value: string) => value } });
  await client.connect();
  const orders = await jsonRows(
    duck,
    'SELECT invoice_number, customer_id, order_date, payment_method, total_amount, order_type FROM csv_orders',
  );
  const parts = await jsonRows(duck, 'SELECT invoice_number, line_number, sku, quantity, line_total FROM csv_parts');
  const column = (rows: Record<string, unknown>[], name: string) =>
    rows.map((r) => (r[name] === null || r[name] === undefined ? null : String(r[name])));
  await client.query(`DROP SCHEMA IF EXISTS oracle CASCADE; CREATE SCHEMA oracle;
    CREATE TABLE oracle.csv_orders (invoice_number text PRIMARY KEY, customer_id int, order_date timestamp, payment_method text, total_amount numeric(12,2), order_type text);
    CREATE TABLE oracle.csv_part_lines (invoice_number text, line_number int, sku text, quantity int, line_total numeric(12,2), PRIMARY KEY (invoice_number, line_number));`);
  await client.query(
    'INSERT INTO oracle.csv_orders SELECT * FROM unnest($1::text[], $2::int[], $3::timestamp[], $4::text[], $5::numeric[], $6::text[])',
    ['invoice_number', 'customer_id', 'order_date', 'payment_method', 'total_amount', 'order_type'].map((c) =>
      column(orders, c),
    ),
  );
  await client.query(
    'INSERT INTO oracle.csv_part_lines SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::numeric[])',
    ['invoice_number', 'line_number', 'sku', 'quantity', 'line_total'].map((c) => column(parts, c)),
  );
  await client.query(`
    CREATE VIEW oracle.orders AS
      SELECT invoice_number, customer_id, order_date, payment_method, total_amount, order_type FROM public.sales_order
      UNION ALL SELECT invoice_number, customer_id, order_date, payment_method, total_amount, order_type FROM oracle.csv_orders;
    CREATE VIEW oracle.part_lines AS
      SELECT o.invoice_number, p.sku, p.quantity, p.line_total FROM public.sales_order_parts p JOIN public.sales_order o ON o.order_id = p.order_id
      UNION ALL SELECT invoice_number, sku, quantity, line_total FROM oracle.csv_part_lines;`);

  return {
    csvOrders: orders.length,
    csvPartLines: parts.length,
    async rows(sql, params = []) {
      return (await client.query(sql, [...params])).rows as Record<string, string | null>[];
    },
    async winnerMismatches() {
      const [row] = await jsonRows(
        duck,
        `SELECT count(*) AS n FROM winners w FULL JOIN csv_orders o USING (invoice_number)
         WHERE w.invoice_number IS NULL OR o.invoice_number IS NULL OR w.updated_at <> o.updated_at OR w.total_amount <> o.total_amount
            OR w.payment_method IS DISTINCT FROM o.payment_method OR w.status IS DISTINCT FROM o.status`,
      );
      return Number(row?.['n']);
    },
    async close() {
      await client.end();
      duck.closeSync();
      instance.closeSync();
    },
  };
}
