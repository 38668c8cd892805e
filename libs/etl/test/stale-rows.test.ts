import { AFFECTED_UNITS_VIEW, jobByName, renderStaleRowsSelect } from '@autocorp/etl-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/index';

/** Line items are partitioned by order_year, which is NULL for a line whose order is not curated. */
const job = jobByName('sales_order_line_items');

let db: EtlDuckDb;
beforeAll(async () => {
  db = await EtlDuckDb.open();
  const row = (invoice: string, line: number, year: string) =>
    `('${invoice}', 'part', ${line}, CAST(${year} AS INTEGER))`;
  await db.run(
    `CREATE TEMP TABLE cur (invoice_number VARCHAR, line_type VARCHAR, line_number BIGINT, order_year INTEGER)`,
  );
  await db.run(`CREATE TEMP TABLE ups AS SELECT * FROM cur WHERE false`);
  // INV-1: an orphan line recomputed again (NULL year before and after); INV-2: its order became curated (NULL ->
  // 2025), so its old row is stale; INV-3: line 2 deleted; INV-4: not affected.
  await db.run(
    `INSERT INTO cur VALUES ${[row('INV-1', 1, 'NULL'), row('INV-2', 1, 'NULL'), row('INV-3', 1, '2024'), row('INV-3', 2, '2024'), row('INV-4', 1, 'NULL')].join(', ')}`,
  );
  await db.run(
    `INSERT INTO ups VALUES ${[row('INV-1', 1, 'NULL'), row('INV-2', 1, '2025'), row('INV-3', 1, '2024')].join(', ')}`,
  );
  await db.run(`CREATE TEMP TABLE ${AFFECTED_UNITS_VIEW} AS SELECT unnest(['INV-1', 'INV-2', 'INV-3']) AS unit`);
});
afterAll(async () => db?.close());

describe('stale rows of an incremental run', () => {
  it('are the affected units rows the recomputed rows do not replace, NULL partition values matching', async () => {
    const stale = await db.rows(
      `SELECT invoice_number, line_number, order_year FROM (${renderStaleRowsSelect(job, 'cur', 'ups')}) ORDER BY 1, 2`,
    );
    // Expected from the tables: affected current rows with no recomputed row of the same key and year.
    const expected = await db.rows(
      `SELECT t.invoice_number, t.line_number, t.order_year FROM cur t
       WHERE t.invoice_number IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW})
         AND NOT EXISTS (SELECT 1 FROM ups u WHERE u.invoice_number = t.invoice_number AND u.line_type = t.line_type
           AND u.line_number = t.line_number AND coalesce(u.order_year, -1) = coalesce(t.order_year, -1))
       ORDER BY 1, 2`,
    );
    expect(stale).toEqual(expected);
    expect(stale.map((r) => `${String(r['invoice_number'])}/${String(r['line_number'])}`)).toEqual([
      'INV-2/1',
      'INV-3/2',
    ]);
  });
});
