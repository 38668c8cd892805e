import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore, type ObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowCounter, TransferError, formatTransferReport, transferCsvFiles } from '../src/index';
import { EXPECTED_HEADERS } from './source-folder';

const DAY = new Date('2024-03-05T09:00:00Z');
const HEADER = EXPECTED_HEADERS.customers.join(',');
const QUOTED_ROW = (i: number) => `${i},"Lee ""Jr.""",Austin`;

async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

/**
 * A customers export of `rows` rows where row `broken` (1-based data row) opens a quote that is
 * never closed, like the 1,001-line file of the report; rows before it quote their names (with
 * doubled quotes), rows after it have no quotes. Returns the text and the line of the quote.
 */
function exportWithOpenQuote(rows: number, broken: number): { text: string; quoteLine: number; lines: number } {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++)
    lines.push(i === broken ? `${i},"Ortiz, Ana,Austin` : i < broken ? QUOTED_ROW(i) : `${i},Lee,Austin`);
  return { text: `${lines.join('\n')}\n`, quoteLine: broken + 1, lines: lines.length };
}

describe('a CSV file that ends inside a quoted field', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-quote-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('is rejected naming the line where the quote opened; nothing lands; the report and the error list show it', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    const fixture = exportWithOpenQuote(1000, 500);
    await writeFile(path.join(source, 'customers.csv'), fixture.text);
    await writeFile(
      path.join(source, 'sales_orders.csv'),
      `${EXPECTED_HEADERS.sales_orders.join(',')}\n1,10,2024-03-05,1.00\n`,
    );
    const store = new LocalObjectStore(path.join(tmp, 'lake'));
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });

    const record = report.records.find((r) => r.file === 'customers.csv');
    expect(record).toMatchObject({ status: 'rejected', error: { kind: 'unterminated-quote' } });
    expect(record?.error?.message).toContain(
      `the quote opened on line ${fixture.quoteLine} (byte ${fixture.text.indexOf('"Ortiz')})`,
    );
    expect(record?.error?.message).toContain(
      `its ${fixture.lines - fixture.quoteLine + 1} lines up to the end of the file (of ${fixture.lines})`,
    );
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toBeInstanceOf(TransferError);
    expect(report.totals).toMatchObject({ copied: 1, rejected: 1 });
    expect((await listKeys(store, 'raw/')).every((key) => key.startsWith('raw/csv/sales_orders/'))).toBe(true);
    expect(await listKeys(store, 'state/transfer/csv/staging/')).toEqual([]);
    expect(formatTransferReport(report)).toContain(`line ${fixture.quoteLine}`);
    const stored = JSON.parse((await store.getBytes(report.manifestKey)).toString()) as {
      records: { file: string; error?: { kind: string } }[];
    };
    expect(stored.records.find((r) => r.file === 'customers.csv')?.error?.kind).toBe('unterminated-quote');
  });

  it('points at the first quoted field that runs over a line break when later fields re-pair the quotes', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    const rows = Array.from({ length: 40 }, (_, i) => (i === 9 ? `${i + 1},"stray,x` : QUOTED_ROW(i + 1)));
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    await writeFile(path.join(source, 'customers.csv'), text);
    const store = new LocalObjectStore(path.join(tmp, 'lake-2'));
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });
    const message = report.records[0]?.error?.message ?? '';
    expect(report.records[0]?.error?.kind).toBe('unterminated-quote');
    const strayLine = text.slice(0, text.indexOf('"stray')).split('\n').length;
    expect(message).toContain(`runs over a line break opens on line ${strayLine} (byte ${text.indexOf('"stray')})`);
  });

  it('is told apart from quoted fields with newlines and doubled quotes, across any chunk boundary', () => {
    const records = ['h,x', '1,"a\nb ""c""\nd"', '2,"""",e', '3,plain'];
    const good = `${records.join('\n')}\n`;
    const goodRecords = records.length;
    const bad = `${good}4,"open ""q"" \nmore\n`;
    const badLine = good.split('\n').length; // the line of row 4
    for (let cut = 0; cut <= bad.length; cut++) {
      const counter = new RowCounter();
      counter.push(Buffer.from(good.slice(0, Math.min(cut, good.length))));
      counter.push(Buffer.from(good.slice(Math.min(cut, good.length))));
      expect(counter.unterminatedQuote).toBeUndefined();
      expect(counter.totalRecords).toBe(goodRecords);
      expect(counter.lines).toBe(good.split('\n').length - 1);

      const broken = new RowCounter();
      broken.push(Buffer.from(bad.slice(0, cut)));
      broken.push(Buffer.from(bad.slice(cut)));
      expect(broken.unterminatedQuote).toEqual({ line: badLine, byteOffset: bad.indexOf('"open') });
    }
  });
});
