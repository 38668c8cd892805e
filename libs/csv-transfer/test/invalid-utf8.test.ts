import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore, csvTransferFindingsKey } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvalidUtf8, formatTransferReport, readTransferFindings, transferCsvFiles } from '../src/index';
import { EXPECTED_HEADERS } from './source-folder';

const DAY = new Date('2024-03-05T09:00:00Z');
const MiB = 1024 * 1024;

/**
 * A parts export of about 1.5 MiB (more than one 1 MiB read) with: a Latin-1 "é" on an early line
 * (inside the first 64 KiB), a valid "€" cut by the 1 MiB read boundary, a 0xFF byte past 1 MiB, a
 * "€" missing its last byte, and a last line, without a newline, ending in a lone lead byte.
 * Returns the bytes, the places that are not UTF-8 and the data rows, as written.
 */
function partsExport(): { bytes: Buffer; invalid: InvalidUtf8[]; rows: number } {
  const parts: Buffer[] = [];
  const invalid: InvalidUtf8[] = [];
  let offset = 0;
  let line = 0;
  let rows = 0;
  /** Appends one line made of `pieces`; a number piece is a raw byte, noted when `bad`. */
  const add = (pieces: (string | Buffer)[], options: { bad?: number; newline?: boolean } = {}) => {
    line++;
    const bytes = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    if (options.bad !== undefined) invalid.push({ line, byteOffset: offset + options.bad });
    const withEnd = options.newline === false ? bytes : Buffer.concat([bytes, Buffer.from('\n')]);
    parts.push(withEnd);
    offset += withEnd.length;
    if (line > 1) rows++;
  };
  const row = (i: number) => `INV-${i},1,SKU-${i % 97},2,10.00,20.00,2024-03-05 10:00:00`;
  add([EXPECTED_HEADERS.sales_order_parts.join(',')]);
  for (let i = 0; i < 50; i++) add([row(i)]);
  add(['INV-50,1,Jos', Buffer.from([0xe9]), ',2,10.00,20.00,2024-03-05 10:00:00'], { bad: 'INV-50,1,Jos'.length });
  while (offset < MiB - 200) add([row(line)]);
  // a "€" (3 bytes) whose second byte is the first of the second 1 MiB read
  const lead = `INV-X,1,${'S'.repeat(MiB - 1 - offset - 'INV-X,1,'.length)}`;
  add([lead, '€', ',2,10.00,20.00,2024-03-05 10:00:00']);
  for (let i = 0; i < 100; i++) add([row(line)]);
  add(['INV-FF,1,SKU', Buffer.from([0xff]), ',2,10.00,20.00,2024-03-05 10:00:00'], { bad: 'INV-FF,1,SKU'.length });
  while (offset < 1.5 * MiB) add([row(line)]);
  add(['INV-E,1,SKU', Buffer.from('€').subarray(0, 2), ',2,10.00,20.00,2024-03-05 10:00:00'], {
    bad: 'INV-E,1,SKU'.length,
  });
  for (let i = 0; i < 10; i++) add([row(line)]);
  add(['INV-Z,1,SKU,2,10.00,20.00,', Buffer.from([0xc3])], {
    bad: 'INV-Z,1,SKU,2,10.00,20.00,'.length,
    newline: false,
  });
  return { bytes: Buffer.concat(parts), invalid, rows };
}

describe('a CSV file with bytes that are not UTF-8', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-utf8-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('lands as written, with every invalid line named by line and byte offset in the report and the findings', async () => {
    const fixture = partsExport();
    expect(fixture.bytes.subarray(MiB - 1, MiB + 2).toString()).toBe('€'); // the boundary case is where it should be
    const source = await mkdtemp(path.join(tmp, 'source-'));
    await writeFile(path.join(source, 'sales_order_parts.csv'), fixture.bytes);
    const store = new LocalObjectStore(path.join(tmp, 'lake'));
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });

    const record = report.records[0];
    expect(record).toMatchObject({ status: 'copied', rows: fixture.rows, bytes: fixture.bytes.length });
    expect(report.errors).toEqual([]);
    const key = record?.key as string;
    expect((await readFile(store.localPath(key))).equals(fixture.bytes)).toBe(true);
    expect(record?.warnings).toEqual([
      {
        kind: 'invalid-utf8',
        message: expect.stringContaining(`line ${fixture.invalid[0]?.line} (byte ${fixture.invalid[0]?.byteOffset})`),
        totalLines: fixture.invalid.length,
        lines: fixture.invalid,
        findingsKey: csvTransferFindingsKey(key),
      },
    ]);
    expect(await readTransferFindings(store, key)).toMatchObject({
      key,
      sourceFile: 'sales_order_parts.csv',
      invalidUtf8: { totalLines: fixture.invalid.length, lines: fixture.invalid },
    });
    expect(report.totals.withWarnings).toBe(1);
    expect(formatTransferReport(report)).toContain(
      `warning: sales_order_parts.csv: ${fixture.invalid.length} line(s) are not valid UTF-8`,
    );
    const stored = JSON.parse((await store.getBytes(report.manifestKey)).toString()) as {
      records: { warnings?: unknown[] }[];
    };
    expect(stored.records[0]?.warnings).toHaveLength(1);
  });

  it('writes no findings for a clean file', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    await writeFile(
      path.join(source, 'sales_order_parts.csv'),
      `${EXPECTED_HEADERS.sales_order_parts.join(',')}\nINV-1,1,Zürich €,2,10.00,20.00,2024-03-05 10:00:00\n`,
    );
    const store = new LocalObjectStore(path.join(tmp, 'lake-clean'));
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });
    expect(report.records[0]?.warnings).toBeUndefined();
    expect(await readTransferFindings(store, report.records[0]?.key as string)).toBeUndefined();
  });
});
