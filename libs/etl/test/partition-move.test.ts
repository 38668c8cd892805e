import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../src/index';
import { buildRawZone } from './build-fixture';
import { COLUMNS, cdcFileName, change, writeCdcPosition, writeDmsFile } from './raw-fixture';

let root: string;
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-partition-move-'));
  await buildRawZone({ root });
}, 240_000);

afterAll(async () => {
  conn.closeSync();
  db.closeSync();
  await rm(root, { recursive: true, force: true });
});

/** `invoice_number -> [[partition path, order_year, status], ...]` of a sales_order snapshot or as-of read. */
async function placements(table: HudiTable, asOf?: string): Promise<Map<string, string[][]>> {
  const sql = await table.sql(asOf ? { type: 'asOf', asOf } : { type: 'snapshot' }, {
    columns: ['invoice_number', '_hoodie_partition_path', 'order_year', 'status'],
  });
  const out = new Map<string, string[][]>();
  for (const r of (await conn.runAndReadAll(sql)).getRowObjectsJson()) {
    const key = String(r['invoice_number']);
    out.set(key, [
      ...(out.get(key) ?? []),
      [String(r['_hoodie_partition_path']), String(r['order_year']), String(r['status'])],
    ]);
  }
  return out;
}

describe('a CDC UPDATE that changes the year of order_date (sales_order is partitioned by order_year)', () => {
  it('moves the order to the new order_year partition: one row, and the old placement only in earlier commits', async () => {
    const store = openObjectStore(`file://${root}`);
    const first = await runJobs({ store, jobs: ['sales_order'] });
    expect(first.map((r) => [r.job, r.status])).toContainEqual(['sales_order', 'committed']);
    let table = await HudiTable.open(path.join(root, 'curated', 'sales_order'));
    const before = await placements(table);
    const beforeCommit = table.commits().at(-1) as string;
    const oldDate = '2023-03-01 10:00:00';
    const newDate = '2024-01-15 10:00:00';
    expect(before.get('INV-P-000001')).toEqual([
      [`order_year=${oldDate.slice(0, 4)}`, oldDate.slice(0, 4), 'Completed'],
    ]);

    // The order's date is corrected into the next year (a later change, committed at a later position).
    const updated = `1, 1, TIMESTAMP '${newDate}', 'INV-P-000001', 'Cash', 20.00, 1.65, 21.65, 'Parts', 'Refunded', NULL, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2025-06-02 00:00:00'`;
    await writeDmsFile(
      conn,
      { root },
      'sales_order',
      cdcFileName('20250602-000000000', 0x500, 0, 0x500, 0),
      COLUMNS.sales_order,
      [change('U', 0x500, 0, updated)],
    );
    await writeCdcPosition({ root }, 0x600, 0);
    const second = await runJobs({ store, jobs: ['sales_order'] });
    expect(second.find((r) => r.job === 'sales_order')?.status).toBe('committed');

    table = await table.refresh();
    const after = await placements(table);
    expect(after.get('INV-P-000001')).toEqual([[`order_year=${newDate.slice(0, 4)}`, newDate.slice(0, 4), 'Refunded']]);
    expect([...after.values()].every((rows) => rows.length === 1)).toBe(true);
    expect(after.size).toBe(before.size);
    expect(await placements(table, beforeCommit)).toEqual(before);
  }, 240_000);
});
