import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { type HudiTable, type WriteOptions, createTable } from '../src/index';

const env = useScratchDuckdb('layout-sort');

/**
 * `count` orders whose invoice numbers do not follow their dates: order i is placed at hour (i * 7919) mod count,
 * a permutation, so key order and date order differ (as CSV and PostgreSQL invoices interleave by date).
 */
const orders = (count: number, version: number, where = 'true') => `
  SELECT * FROM (
    SELECT printf('INV-%06d', i) AS invoice_number,
           TIMESTAMP '2024-01-01 00:00:00' + INTERVAL ((i * 7919) % ${count}) HOUR AS order_date,
           'v${version}' AS status, TIMESTAMP '2024-06-01 00:00:00' + INTERVAL (${version}) HOUR AS updated_at
    FROM range(0, ${count}) t(i)) o
  WHERE ${where}`;

/** 200 KiB files of 1 KiB records: 200 records per file group; no small-file growth, so new records open new groups. */
const sizing = { bloomFilter: false, recordSizeEstimate: 1024, maxFileSizeBytes: 200 * 1024, smallFileLimitBytes: 0 };

async function newTable(name: string): Promise<HudiTable> {
  return createTable({
    basePath: join(env.dir, name),
    tableName: name,
    recordKeyFields: ['invoice_number'],
    precombineField: 'updated_at',
    partitionFields: [],
    hiveStylePartitioning: true,
  });
}

/** Per latest base file: its order_date range and whether its rows are stored in order_date order. */
async function fileRanges(table: HudiTable): Promise<{ file: string; min: string; max: string; sorted: boolean }[]> {
  const fresh = await table.refresh();
  const files = (await fresh.plan({ type: 'snapshot' })).files;
  const ranges = [];
  for (const { location, path } of files) {
    const reader = await env.connection.runAndReadAll(
      `SELECT CAST(order_date AS VARCHAR) AS d FROM read_parquet('${location}')`,
    );
    const dates = reader.getRowObjectsJson().map((r) => String(r['d']));
    ranges.push({
      file: path,
      min: dates.reduce((a, b) => (a < b ? a : b)),
      max: dates.reduce((a, b) => (a > b ? a : b)),
      sorted: dates.every((d, i) => i === 0 || (dates[i - 1] as string) <= d),
    });
  }
  return ranges.sort((a, b) => (a.min < b.min ? -1 : 1));
}

/** The base files of the table's snapshot holding the given keys. */
async function filesHolding(table: HudiTable, where: string): Promise<Set<string>> {
  const fresh = await table.refresh();
  const reader = await env.connection.runAndReadAll(
    `SELECT DISTINCT _hoodie_file_name FROM (${await fresh.sql({ type: 'snapshot' })}) WHERE ${where}`,
  );
  return new Set(reader.getRows().map((row) => String(row[0])));
}

describe('layout sort (hoodie.bulkinsert.user.defined.partitioner.sort.columns)', () => {
  const sorted: WriteOptions = { ...sizing, sortColumns: ['order_date'] };
  // The 40 latest orders by date: neighbours in the sort order, scattered over the key order.
  const latest = (count: number) => `order_date >= TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (${count - 40}) HOUR`;

  it('cuts new file groups by ranges of the sort columns, each file in that order, and an upsert of neighbouring rows rewrites one file', async () => {
    const table = await newTable('sorted');
    const first = await table.upsert(env.connection, orders(1500, 1), sorted);
    expect(first.filesWritten.length).toBeGreaterThan(5);
    const ranges = await fileRanges(table);
    for (const [i, range] of ranges.entries()) {
      if (i > 0) expect(range.min > (ranges[i - 1]?.max as string)).toBe(true);
    }
    const holding = await filesHolding(table, latest(1500));
    expect(holding.size).toBe(1);

    const second = await table.upsert(env.connection, orders(1500, 2, latest(1500)), sorted);
    expect(second).toMatchObject({ numUpdates: 40, numInserts: 0 });
    expect(second.filesWritten).toHaveLength(1);
    // The rewritten file keeps the date order with its updated rows in place.
    const rewritten = (await fileRanges(table)).find((r) => r.file.endsWith(second.filesWritten[0] as string));
    expect(rewritten?.sorted).toBe(true);
    const versions = await env.connection.runAndReadAll(
      `SELECT status, count(*)::INT AS n FROM (${await (await table.refresh()).sql({ type: 'snapshot' })}) GROUP BY 1 ORDER BY 1`,
    );
    expect(versions.getRowObjectsJson()).toEqual([
      { status: 'v1', n: 1460 },
      { status: 'v2', n: 40 },
    ]);
  });

  it('without a sort the same neighbours are spread over the file groups (the layout the sort replaces)', async () => {
    const table = await newTable('hashed');
    await table.upsert(env.connection, orders(1500, 1), sizing);
    expect((await filesHolding(table, latest(1500))).size).toBeGreaterThan(1);
  });

  it('names a sort column the table does not have', async () => {
    const table = await newTable('unknown');
    await expect(
      table.upsert(env.connection, orders(10, 1), { ...sizing, sortColumns: ['order_day'] }),
    ).rejects.toThrow(/order_day.*not among its columns/);
  });
});
