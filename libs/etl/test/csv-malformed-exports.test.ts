import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterEach, describe, expect, it } from 'vitest';
import { EtlDuckDb, type RunReport, runJob } from '../src/index';
import { HEADER, JOB, row } from './support/csv-parts-job';

/**
 * Malformed CSV exports, one fixture file each, landed in the raw zone as bytes: no row of them may
 * vanish. Every row is read, quarantined with its real cause and column, or the batch fails naming
 * the file and line.
 */
interface Outcome {
  readonly key: string;
  readonly report: RunReport;
  readonly quarantine: { line: number; rule: string; column_name: string | null; reason: string; raw_row: string }[];
  readonly curated: string[];
}

const lakes: string[] = [];
afterEach(async () => {
  for (const lake of lakes.splice(0)) await rm(lake, { recursive: true, force: true });
});

async function runOn(file: string, content: Buffer | string): Promise<Outcome> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'autocorp-etl-malformed-'));
  lakes.push(root);
  const key = `raw/csv/sales_order_parts/ingest_date=2025-06-02/${file}`;
  await mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await writeFile(path.join(root, key), content);
  const store = openObjectStore(pathToFileURL(root).href);
  const db = await EtlDuckDb.open();
  let report: RunReport;
  try {
    report = await runJob({ db, store, job: JOB, committed: undefined });
  } finally {
    await db.close();
  }
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  try {
    const quarantine = report.quarantineKey
      ? ((
          await conn.runAndReadAll(
            `SELECT CAST(source_line AS INT) AS line, * FROM read_parquet('${path.join(root, report.quarantineKey)}') ORDER BY line`,
          )
        ).getRowObjectsJson() as Outcome['quarantine'])
      : [];
    const curated =
      report.status === 'committed'
        ? (
            await conn.runAndReadAll(
              `SELECT invoice_number FROM read_parquet('${root}/curated/**/*.parquet') ORDER BY 1`,
            )
          )
            .getRowObjectsJson()
            .map((r) => String(r['invoice_number']))
        : [];
    return { key, report, quarantine, curated };
  } finally {
    conn.closeSync();
    duck.closeSync();
  }
}

const invoice = (i: number) => `INV-${String(i).padStart(6, '0')}`;
const goodRows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(invoice(from + i)));

describe('malformed CSV exports lose no row', () => {
  it('fails the batch at an unterminated quote that swallows the lines after it, naming the file and the line', async () => {
    const lines = [
      HEADER,
      ...goodRows(1, 20),
      row(invoice(21), '"P1 open'),
      ...goodRows(22, 30),
      row(invoice(52), '"say ""hi"""'),
      ...goodRows(53, 10),
    ];
    const opened = lines.findIndex((l) => l.includes('"P1 open')) + 1;
    const { key, report } = await runOn('unterminated-quote.csv', `${lines.join('\n')}\n`);
    expect(report.status).toBe('failed');
    expect(report.error).toContain(key);
    expect(report.error).toContain(`opens on line ${opened}`);
    expect(report.instants).toEqual([]);
  });

  it('fails the batch at an unterminated quote that runs to the end of the file', async () => {
    const lines = [HEADER, ...goodRows(1, 5), row(invoice(6), '"P1 open'), ...goodRows(7, 40)];
    const opened = lines.findIndex((l) => l.includes('"P1 open')) + 1;
    const { key, report } = await runOn('quote-to-end.csv', `${lines.join('\n')}\n`);
    expect(report.status).toBe('failed');
    expect(report.error).toContain(key);
    expect(report.error).toContain(`opens on line ${opened}`);
  });

  it('quarantines a date without a time in a timestamp column, and a last record cut short without a final line break', async () => {
    const dateOnly = row(invoice(3), 'P1', '1', '2020-03-19');
    const cut = row(invoice(9), 'P1', '1', '2020-03-19 10:');
    const lines = [HEADER, ...goodRows(1, 2), dateOnly, ...goodRows(4, 5), cut];
    const { report, quarantine, curated } = await runOn('truncated.csv', lines.join('\n'));
    expect(report.status).toBe('committed');
    expect(quarantine.map((q) => [q.line, q.rule, q.column_name, q.raw_row])).toEqual([
      [lines.indexOf(dateOnly) + 1, 'fields_parse', 'updated_at', dateOnly],
      [lines.indexOf(cut) + 1, 'fields_parse', 'updated_at', cut],
    ]);
    expect(quarantine[0]?.reason).toMatch(/date without a time of day/);
    expect(quarantine[1]?.reason).toMatch(/ends without a line break .* cut short/);
    expect(curated).toEqual(
      lines
        .slice(1)
        .filter((l) => l !== dateOnly && l !== cut)
        .map((l) => l.split(',')[0]),
    );
    expect(report.counts.read).toBe(lines.length - 1);
  });

  it.each([
    ['\\n', 'blank-lines.csv', '\n'],
    ['\\r\\n', 'blank-lines-crlf.csv', '\r\n'],
  ])('gives the physical line and text of a broken row after blank lines (%s line ends)', async (_, file, end) => {
    const bad = row(invoice(4), 'P1', 'bad');
    const long = `${row(invoice(7))},x,y`;
    const lines = [
      HEADER,
      ...goodRows(1, 2),
      '',
      '',
      ...goodRows(3, 1),
      bad,
      '',
      ...goodRows(5, 2),
      long,
      '',
      ...goodRows(8, 2),
    ];
    const { report, quarantine } = await runOn(file, `${lines.join(end)}${end}`);
    expect(report.status).toBe('committed');
    expect(quarantine.map((q) => [q.line, q.raw_row])).toEqual([
      [lines.indexOf(bad) + 1, bad],
      [lines.indexOf(long) + 1, long],
    ]);
    // Every non-blank line after the header is a row read (and the broken ones quarantined).
    expect(report.counts.read).toBe(lines.slice(1).filter((l) => l !== '').length);
  });

  it.each([
    ['a small file', 'invalid-utf8-small.csv', 10],
    ['past the first MiB', 'invalid-utf8-large.csv', 40_000],
  ])('quarantines a row with invalid UTF-8 in %s and reads the others', async (_, file, count) => {
    const lines = [HEADER, ...goodRows(1, count)];
    const target = Math.floor(count * 0.9);
    const text = Buffer.from(`${lines.join('\n')}\n`);
    const bad = row(invoice(target), 'P\u00e9');
    const at = text.indexOf(Buffer.from(row(invoice(target))));
    // "P\xC3" then a comma: the second byte of é is cut away.
    const broken = Buffer.concat([
      text.subarray(0, at),
      Buffer.from(bad).subarray(0, Buffer.from(bad).indexOf(0xa9)),
      text.subarray(at + Buffer.from(bad).length - 1),
    ]);
    const offset = broken.indexOf(0xc3);
    expect(offset).toBeGreaterThan(count > 1000 ? 1 << 20 : 0);
    const { report, quarantine, curated } = await runOn(file, broken);
    expect(report.status).toBe('committed');
    const line = lines.indexOf(row(invoice(target))) + 1;
    expect(quarantine.map((q) => [q.line, q.rule, q.column_name, q.reason])).toEqual([
      [line, 'line_well_formed', 'sku', `invalid UTF-8 at byte offset ${offset} (line ${line})`],
    ]);
    expect(curated).toEqual(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .filter((i) => i !== invoice(target)),
    );
  });

  it('names the column and the real cause of every quarantined row', async () => {
    const lines = [
      HEADER,
      row(invoice(1)),
      `${row(invoice(2))},x,y`, // two fields too many: rejected by the reader
      'INV-3,1,P1', // short
      row(invoice(4), 'P1', 'bad'), // quantity does not parse
      row('', 'P1'), // invoice number missing
      `${invoice(6)},1,"P1"x,1,10.00,10.00,2024-01-05 10:00:00`, // text after a closing quote
      row(invoice(7)),
    ];
    const { quarantine } = await runOn('reasons.csv', `${lines.join('\n')}\n`);
    const header = HEADER.split(',');
    const byLine = new Map(quarantine.map((q) => [q.line, q]));
    expect(quarantine.map((q) => q.line)).toEqual([3, 4, 5, 6, 7]);
    expect(byLine.get(3)).toMatchObject({
      column_name: header[header.length - 1],
      reason: `the line has ${header.length + 2} fields; the header has ${header.length} (2 after updated_at)`,
    });
    expect(byLine.get(4)).toMatchObject({
      column_name: header[3],
      reason: `the line has 3 fields; the header has ${header.length} (missing ${header.slice(3).join(', ')})`,
    });
    expect(byLine.get(5)).toMatchObject({
      rule: 'fields_parse',
      column_name: 'quantity',
      reason: 'quantity "bad" does not parse as INT',
    });
    expect(byLine.get(6)).toMatchObject({
      rule: 'invoice_number_is_complete',
      column_name: 'invoice_number',
      reason: 'invoice_number is missing',
    });
    expect(byLine.get(7)?.column_name).toBe('sku');
    expect(byLine.get(7)?.reason).toMatch(/^unquoted value: /);
  });
});
