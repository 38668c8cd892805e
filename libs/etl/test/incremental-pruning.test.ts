import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AFFECTED_UNITS_VIEW, type JobDefinition, duckdbType, jobByName } from '@autocorp/etl-jobs';
import { quoteList } from '@autocorp/duckdb/sql';
import { type HudiTable, createTable } from '@autocorp/hudi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/index';
import { defineAffectedRowsView, filesWithAffectedUnits } from '../src/run/incremental-pruning';

/** sales_order_fact's incremental plan (unit invoice_number) over a small table of its own. */
const job: JobDefinition = {
  ...jobByName('sales_order_fact'),
  columns: [
    { name: 'invoice_number', type: 'STRING', nullable: false, description: 'unit and key' },
    { name: 'order_year', type: 'INT', nullable: false, description: 'partition' },
    { name: 'total', type: 'INT', nullable: false, description: 'content' },
    { name: 'updated_at', type: 'TIMESTAMP', nullable: false, description: 'precombine' },
  ],
};

/** 1,200 invoices over two years, written sorted by invoice into file groups of about 150 rows. */
const ORDERS = `SELECT printf('INV-%05d', i) AS invoice_number, 2024 + i % 2 AS order_year, i * 3 AS total,
  TIMESTAMP '2025-01-01 00:00:00' AS updated_at FROM range(0, 1200) t(i)`;

let dir = '';
let db: EtlDuckDb;
let table: HudiTable;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'etl-pruning-'));
  db = await EtlDuckDb.open();
  table = await createTable({
    basePath: path.join(dir, 'fact'),
    tableName: 'fact',
    recordKeyFields: ['invoice_number'],
    precombineField: 'updated_at',
    partitionFields: ['order_year'],
    hiveStylePartitioning: true,
    columns: job.columns.map((c) => ({ name: c.name, type: duckdbType(c.type) })),
  });
  await table.upsert(db.connection, ORDERS, {
    bloomFilter: false,
    recordSizeEstimate: 1024,
    maxFileSizeBytes: 150 * 1024,
    sortColumns: ['invoice_number'],
  });
  table = await table.refresh();
});

afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function affect(units: string[]): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${AFFECTED_UNITS_VIEW} AS SELECT unnest([${units.map((u) => `'${u}'`).join(', ')}]) AS unit`,
  );
}

describe('incremental runs read only the files that may hold the affected units', () => {
  it('keeps the files whose invoice ranges can hold an affected unit, and reads there all the units rows', async () => {
    const units = ['INV-00007', 'INV-00008', 'INV-01150'];
    await affect(units);
    const { kept, total } = await filesWithAffectedUnits(db, table, 'invoice_number', 'STRING', undefined);
    const snapshot = await table.sql({ type: 'snapshot' });
    const files = (await table.plan({ type: 'snapshot' })).files.map((f) => f.location);
    // Expected from the files' rows: a file is kept when an affected unit lies within its invoice range (each file
    // is one row group here), which includes every file holding one.
    const ranges = await db.rows(
      `SELECT filename AS f, bool_or(invoice_number IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW})) AS holds,
         EXISTS (SELECT 1 FROM ${AFFECTED_UNITS_VIEW} a WHERE a.unit BETWEEN min(invoice_number) AND max(invoice_number)) AS in_range
       FROM read_parquet(${quoteList(files)}, filename = true) GROUP BY filename`,
    );
    expect(total).toBeGreaterThan(4);
    expect(new Set(kept)).toEqual(new Set(ranges.filter((r) => r['in_range'] === true).map((r) => String(r['f']))));
    for (const r of ranges.filter((r) => r['holds'] === true)) expect(kept.has(String(r['f']))).toBe(true);
    expect(kept.size).toBeLessThan(total);

    await defineAffectedRowsView(db, job, table, '_affected_rows');
    const pruned = await db.rows(`SELECT invoice_number, total FROM _affected_rows ORDER BY 1`);
    const whole = await db.rows(
      `SELECT invoice_number, total FROM (${snapshot}) WHERE invoice_number IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW}) ORDER BY 1`,
    );
    expect(pruned).toEqual(whole);
    expect(pruned.map((r) => r['invoice_number'])).toEqual(units);
  });

  it('skips every file for a unit outside all ranges, and prunes only string columns', async () => {
    await affect(['INV-99999']);
    const { kept } = await filesWithAffectedUnits(db, table, 'invoice_number', 'STRING', undefined);
    expect(kept.size).toBe(0);
    const numeric = await filesWithAffectedUnits(db, table, 'total', 'INT', undefined);
    expect(numeric.kept.size).toBe(numeric.total);
  });
});
