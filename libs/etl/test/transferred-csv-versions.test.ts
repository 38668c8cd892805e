import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { CSV_COLUMNS, type JobDefinition, column } from '@autocorp/etl-jobs';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb, runJob } from '../src/index';

const COLUMNS = CSV_COLUMNS.sales_order_parts.map((c) => c.name);

/** A job over the part-lines CSV alone, upserting by invoice and line with updated_at as precombine. */
const JOB: JobDefinition = {
  name: 'sales_order_parts',
  layer: 'operational',
  description: 'CSV part lines, as landed by the transfer (test job)',
  sources: [{ kind: 'csv', view: 'csv_lines', table: 'sales_order_parts', columns: CSV_COLUMNS.sales_order_parts }],
  dependsOn: [],
  transformSql: `SELECT invoice_number, CAST(line_number AS BIGINT) AS line_number, sku, updated_at, _op, _source_file, _source_line, _raw_row, _unparsed_columns, _malformed FROM csv_lines`,
  columns: [
    column('invoice_number', 'STRING', false, 'key'),
    column('line_number', 'BIGINT', false, 'key'),
    column('sku', 'STRING', true, 'sku'),
    column('updated_at', 'TIMESTAMP', false, 'precombine'),
  ],
  rules: [],
  hudi: {
    tableName: 'csv_lines',
    recordKeyFields: ['invoice_number', 'line_number'],
    precombineField: 'updated_at',
    partitionFields: [],
    hiveStylePartitioning: true,
    operation: 'upsert',
    indexType: 'SIMPLE',
    commitsRetained: 10,
  },
};

const line = (invoice: string, sku: string, updatedAt: string) => `${invoice},1,${sku},1,10.00,10.00,${updatedAt}`;

// Two exports of the same file on the same day, landed by the transfer as two immutable versions:
// the job reads both, the later one after the earlier, so on an updated_at tie the later export wins.
describe('CSV files re-exported on the same day, as the transfer lands them', () => {
  let root: string;
  let curated: Record<string, string>;
  let keys: string[];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'autocorp-etl-versions-'));
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'autocorp-etl-versions-export-'));
    const store = openObjectStore(pathToFileURL(path.join(root, 'lake')).href);
    const transfer = async (lines: string[], at: string) => {
      await writeFile(path.join(exportDir, 'sales_order_parts.csv'), `${[COLUMNS.join(','), ...lines].join('\n')}\n`);
      const report = await transferCsvFiles({
        sourceDir: exportDir,
        store,
        expectedHeaders: { sales_order_parts: COLUMNS },
        now: () => new Date(at),
      });
      expect(report.errors).toEqual([]);
      return report.records[0]?.key as string;
    };
    const tie = '2024-01-05 10:00:00';
    keys = [
      await transfer([line('A01', 'FIRST', tie), line('B01', 'ONLY-FIRST', tie)], '2024-03-05T08:00:00Z'),
      await transfer([line('A01', 'SECOND', tie), line('C01', 'ONLY-SECOND', tie)], '2024-03-05T18:00:00Z'),
    ];
    const db = await EtlDuckDb.open();
    try {
      const report = await runJob({ db, store, job: JOB, committed: undefined });
      expect(report.error).toBeUndefined();
      const duck = await DuckDBInstance.create(':memory:');
      const conn = await duck.connect();
      const rows = (
        await conn.runAndReadAll(
          `SELECT invoice_number, sku FROM read_parquet('${path.join(root, 'lake')}/curated/**/*.parquet') ORDER BY 1`,
        )
      ).getRowObjectsJson();
      curated = Object.fromEntries(rows.map((r) => [String(r['invoice_number']), String(r['sku'])]));
      conn.closeSync();
    } finally {
      await db.close();
      await rm(exportDir, { recursive: true, force: true });
    }
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lands two keys in one partition', () => {
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((k) => k.startsWith('raw/csv/sales_order_parts/ingest_date=2024-03-05/'))).toBe(true);
  });

  it('reads the rows of both versions, the later version winning a tie', () => {
    expect(curated).toEqual({ A01: 'SECOND', B01: 'ONLY-FIRST', C01: 'ONLY-SECOND' });
  });
});
