import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type CsvSource, type JobDefinition, csvTextViewName, jobByName } from '@autocorp/etl-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/index';
import { mapCsvFiles } from '../src/raw/csv-file-map';
import type { CsvScan } from '../src/raw/load-csv-source';
import { countRawInputs } from '../src/run/reconcile-counts';

const job = jobByName('sales_order');
const source = job.sources.find((s): s is CsvSource => s.kind === 'csv') as CsvSource;
/** sales_order with its CSV source only (no database views to count). */
const csvOnly: JobDefinition = { ...job, sources: [source] };
const header = source.columns.map((c) => c.name).join(',');
const record = (n: number, notes = '') =>
  `INV-T-${n},${n},2024-01-0${(n % 9) + 1} 10:00:00,Cash,1.00,0.10,1.10,Parts,Completed,${notes},2024-01-01 10:00:00,2024-01-01 11:00:00`;

describe('countRawInputs on CSV sources', () => {
  let dir: string;
  let db: EtlDuckDb;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'autocorp-raw-counts-'));
    db = await EtlDuckDb.open();
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts the records of the file maps (rejected and multi-line records included, blank lines not) without reading the CSV through DuckDB', async () => {
    // Records as the exporting system wrote them: one with a quoted line break, one with two fields too many.
    const first = [record(1), record(2, '"two\nlines"'), `${record(3)},x,y`, record(4)];
    const second = [record(5), record(6)];
    const files = [
      { name: 'a.csv', text: `${header}\n${first[0]}\n\n${first.slice(1).join('\n')}\n\r\n` },
      { name: 'b.csv', text: `${header}\r\n${second.join('\r\n')}` },
    ];
    for (const f of files) await writeFile(path.join(dir, f.name), f.text);
    const paths = files.map((f) => path.join(dir, f.name));
    const scan: CsvScan = {
      source,
      files: paths.map((p) => ({ key: path.basename(p), path: p })),
      root: dir,
      rejectsTable: '_rejects',
      rejectScansTable: '_reject_scans',
      maps: mapCsvFiles(paths),
    };
    // No text view is defined: the count cannot come from a DuckDB read of the files.
    const views = await db.count(`SELECT count(*) FROM duckdb_views() WHERE view_name = '${csvTextViewName(source)}'`);
    expect(views).toBe(0);
    const counted = await countRawInputs(db, csvOnly, [scan]);
    expect(counted).toEqual({ rows: first.length + second.length, replacedChanges: 0 });
  });
});
