import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore, type ObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTransferReport, readLedger, transferCsvFiles } from '../src/index';
import { EXPECTED_HEADERS } from './source-folder';

const DAY = new Date('2024-03-05T09:00:00Z');

async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

describe('CSV files that name no known table', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-names-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('are rejected with the list of known files, a case-only difference with the name to use; nothing lands for them', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    const orders = `${EXPECTED_HEADERS.sales_orders.join(',')}\n1,10,2024-03-05,1.00\n`;
    await writeFile(path.join(source, 'Sales_Orders.csv'), orders);
    await writeFile(path.join(source, 'widgets.csv'), 'widget_id,name\n1,Sprocket\n');
    await writeFile(path.join(source, 'sales_orders.csv'), orders);
    const store = new LocalObjectStore(path.join(tmp, 'lake'));
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });

    const known = Object.keys(EXPECTED_HEADERS)
      .sort()
      .map((table) => `${table}.csv`)
      .join(', ');
    const byFile = (file: string) => report.records.find((r) => r.file === file);
    for (const file of ['Sales_Orders.csv', 'widgets.csv']) {
      expect(byFile(file)).toMatchObject({ status: 'rejected', error: { kind: 'unknown-table' } });
      expect(byFile(file)?.error?.message).toContain(`Known files: ${known}.`);
    }
    expect(byFile('Sales_Orders.csv')?.error?.message).toContain('Rename it to sales_orders.csv');
    expect(byFile('widgets.csv')?.error?.message).toContain('no job reads a table named "widgets"');
    expect(byFile('sales_orders.csv')?.status).toBe('copied');
    expect(report.errors.map((e) => e.kind)).toEqual(['unknown-table', 'unknown-table']);
    expect(report.totals).toMatchObject({ copied: 1, rejected: 2 });
    expect((await listKeys(store, 'raw/')).map((key) => key.split('/')[2])).toEqual(['sales_orders']);
    expect(Object.keys((await readLedger(store)).files)).toEqual(['sales_orders.csv']);
    expect(formatTransferReport(report)).toContain('2 rejected');
  });
});
