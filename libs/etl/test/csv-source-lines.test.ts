import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb, runJob } from '../src/index';
import { writeRawCsv } from './raw-fixture';
import { HEADER, JOB, row } from './support/csv-parts-job';

/** Writes a raw CSV file exactly as given (line ends included); returns its store key. */
async function writeRawCsvBytes(root: string, tablePath: string, content: string): Promise<string> {
  const key = `raw/csv/${tablePath}`;
  await mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await writeFile(path.join(root, key), content);
  return key;
}

describe('CSV sources: one parallel read, lines located afterwards', () => {
  let root: string;
  let quarantine: Record<string, unknown>[];
  let curated: string[];
  let first: string;
  let second: string;
  let third: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'autocorp-etl-lines-'));
    const lake = { root };
    first = await writeRawCsv(lake, 'sales_order_parts', '2025-06-01', 'a.csv', [
      HEADER,
      row('A01'), // 2
      `${row('A02')},x,y`, // 3: two fields too many, rejected by the reader
      row('A03'), // 4
      'A04,1,P1', // 5: short
      `${row('A05')},`, // 6: one empty field too many
      row('A06', '"P,1 ""big"""'), // 7: quoted delimiter and quotes
      row('A07', '"P ""2"""', 'x'), // 8: does not parse, written with quotes
      `${row('A08')},x,y,z`, // 9: rejected
      row('A09'), // 10
      row('A10', 'P1', 'bad'), // 11
      row('A11', '"multi\nline"'), // 12: one record over two lines of text (12 and 13)
      row('A12', 'P1', 'nope'), // 14: the record after it, on physical line 14
    ]);
    const version = (sku: string, updatedAt: string) => `D01,1,${sku},1,10.00,10.00,${updatedAt}`;
    second = await writeRawCsv(lake, 'sales_order_parts', '2025-06-02', 'b.csv', [
      HEADER,
      row('B01', 'P1', 'x'),
      `${row('B02')},1,2`,
      row('B03', 'P1', 'y'),
      row('B04'),
      // Versions of one key: the latest updated_at wins, on a tie the later row, a missing one never.
      version('P1', '2024-01-05 10:00:00'),
      version('P2', '2024-01-05 10:00:00'),
      version('P3', ''),
      version('P0', '2024-01-04 10:00:00'),
    ]);
    // Windows line ends and a byte order mark: read like the others, the line text without its \r.
    third = await writeRawCsvBytes(
      root,
      'sales_order_parts/ingest_date=2025-06-03/c.csv',
      `\uFEFF${[HEADER, row('C01'), row('C02', 'P1', 'z'), `${row('C03')},1,2`, 'C04,1', row('C05')].join('\r\n')}\r\n`,
    );
    const store = openObjectStore(pathToFileURL(root).href);
    const db = await EtlDuckDb.open();
    try {
      const report = await runJob({ db, store, job: JOB, committed: undefined });
      expect(report.error).toBeUndefined();
      expect(report.status).toBe('committed');
      const duck = await DuckDBInstance.create(':memory:');
      const conn = await duck.connect();
      quarantine = (
        await conn.runAndReadAll(
          `SELECT source_file, CAST(source_line AS INT) AS line, rule, raw_row FROM read_parquet('${path.join(root, report.quarantineKey as string)}') ORDER BY source_file, line`,
        )
      ).getRowObjectsJson() as Record<string, unknown>[];
      curated = (
        await conn.runAndReadAll(
          `SELECT invoice_number, sku FROM read_parquet('${root}/curated/**/*.parquet') ORDER BY 1`,
        )
      )
        .getRowObjectsJson()
        .map((r) => (r['invoice_number'] === 'D01' ? `D01:${String(r['sku'])}` : String(r['invoice_number'])));
      conn.closeSync();
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('quarantines every broken line at its file and line, with the line as written', () => {
    expect(quarantine).toEqual([
      { source_file: first, line: 3, rule: 'line_well_formed', raw_row: `${row('A02')},x,y` },
      { source_file: first, line: 5, rule: 'line_well_formed', raw_row: 'A04,1,P1' },
      { source_file: first, line: 6, rule: 'line_well_formed', raw_row: `${row('A05')},` },
      { source_file: first, line: 8, rule: 'fields_parse', raw_row: row('A07', '"P ""2"""', 'x') },
      { source_file: first, line: 9, rule: 'line_well_formed', raw_row: `${row('A08')},x,y,z` },
      { source_file: first, line: 11, rule: 'fields_parse', raw_row: row('A10', 'P1', 'bad') },
      { source_file: first, line: 14, rule: 'fields_parse', raw_row: row('A12', 'P1', 'nope') },
      { source_file: second, line: 2, rule: 'fields_parse', raw_row: row('B01', 'P1', 'x') },
      { source_file: second, line: 3, rule: 'line_well_formed', raw_row: `${row('B02')},1,2` },
      { source_file: second, line: 4, rule: 'fields_parse', raw_row: row('B03', 'P1', 'y') },
      { source_file: third, line: 3, rule: 'fields_parse', raw_row: row('C02', 'P1', 'z') },
      { source_file: third, line: 4, rule: 'line_well_formed', raw_row: `${row('C03')},1,2` },
      { source_file: third, line: 5, rule: 'line_well_formed', raw_row: 'C04,1' },
    ]);
  });

  it('keeps the well-formed rows, quoted fields included, and one version per key', () => {
    expect(curated).toEqual(['A01', 'A03', 'A06', 'A09', 'A11', 'B04', 'C01', 'C05', 'D01:P2']);
  });

  it('names a listed CSV file that is gone by the time the job reads it, and commits nothing', async () => {
    const lake = await mkdtemp(path.join(os.tmpdir(), 'autocorp-etl-lines-'));
    try {
      await writeRawCsv({ root: lake }, 'sales_order_parts', '2025-06-01', 'here.csv', [HEADER, row('E01')]);
      const real = openObjectStore(pathToFileURL(lake).href);
      const gone = 'raw/csv/sales_order_parts/ingest_date=2025-06-02/gone.csv';
      // The store lists one file more than the folder holds: it was removed after the listing.
      const store = new Proxy(real, {
        get(target, property, receiver) {
          if (property === 'list') {
            return async function* (prefix: string) {
              yield* target.list(prefix);
              if (gone.startsWith(prefix)) yield { key: gone, size: 10, lastModified: new Date() };
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const db = await EtlDuckDb.open();
      try {
        const report = await runJob({ db, store, job: JOB, committed: undefined });
        expect(report.status).toBe('failed');
        expect(report.error).toMatch(
          new RegExp(`The CSV file ${gone} was listed in the raw zone but cannot be opened`),
        );
        expect(report.instants).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await rm(lake, { recursive: true, force: true });
    }
  });
});
