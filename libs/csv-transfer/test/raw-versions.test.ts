import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore, type ObjectStore, rawCsvPartitionPrefix } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger, transferCsvFiles } from '../src/index';
import { FaultyStore } from './faulty-store';
import { EXPECTED_HEADERS } from './source-folder';

const DAY = new Date('2024-03-05T09:00:00Z');
const LATER_SAME_DAY = new Date('2024-03-05T17:30:00Z');
const HEADER = EXPECTED_HEADERS.sales_orders.join(',');

async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

/** An export of `rows` orders starting at `first`. */
const ordersExport = (first: number, rows: number) =>
  `${HEADER}\n${Array.from({ length: rows }, (_, i) => `${first + i},${(first + i) % 7},2024-03-05,${(first + i) * 3}.50`).join('\n')}\n`;

describe('a CSV file re-exported on the same day', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-versions-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('lands beside the first version, which stays as it was, and lists after it', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    const file = path.join(source, 'sales_orders.csv');
    const store = new LocalObjectStore(path.join(tmp, 'lake-1'));
    const first = ordersExport(1, 5);
    await writeFile(file, first);
    const one = await transferCsvFiles({ sourceDir: source, store, expectedHeaders: EXPECTED_HEADERS, now: () => DAY });
    const firstKey = one.records[0]?.key as string;

    const second = ordersExport(3, 6); // new contents, same name, same day
    await writeFile(file, second);
    const two = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => LATER_SAME_DAY,
    });
    const secondKey = two.records[0]?.key as string;

    expect(two.records[0]).toMatchObject({ status: 'copied', rows: second.trim().split('\n').length - 1 });
    expect(secondKey).not.toBe(firstKey);
    // both versions are under the partition the ETL and the crawler list, in landing order
    expect(await listKeys(store, rawCsvPartitionPrefix('sales_orders', DAY))).toEqual([firstKey, secondKey]);
    expect((await store.getBytes(firstKey)).toString()).toBe(first);
    expect((await store.getBytes(secondKey)).toString()).toBe(second);
    expect((await readLedger(store)).files['sales_orders.csv']?.key).toBe(secondKey);

    // a third export whose hash sorts before the others' still lists last: order is the sequence
    const hashOf = (key: string) => key.split('.').at(-2) as string;
    const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
    let start = 100;
    while (sha12(ordersExport(start, 2)) > hashOf(firstKey) || sha12(ordersExport(start, 2)) > hashOf(secondKey))
      start++;
    const third = ordersExport(start, 2);
    await writeFile(file, third);
    const three = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => LATER_SAME_DAY,
    });
    expect(await listKeys(store, 'raw/')).toEqual([firstKey, secondKey, three.records[0]?.key]);
  });

  it('never deletes a landed version when a new copy fails verification, and publishes nothing', async () => {
    const source = await mkdtemp(path.join(tmp, 'source-'));
    const file = path.join(source, 'sales_orders.csv');
    const inner = new LocalObjectStore(path.join(tmp, 'lake-2'));
    const good = ordersExport(1, 4);
    await writeFile(file, good);
    const one = await transferCsvFiles({
      sourceDir: source,
      store: inner,
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });
    const goodKey = one.records[0]?.key as string;

    // the same file again, after the ledger was lost: it is copied again, and damaged on the way in
    await rm(inner.localPath('state/transfer/csv/ledger.json'));
    const damaged = await transferCsvFiles({
      sourceDir: source,
      store: new FaultyStore(inner, 'on-write'),
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });
    expect(damaged.records[0]).toMatchObject({ status: 'failed', error: { kind: 'checksum-mismatch' } });
    expect(await listKeys(inner, 'raw/')).toEqual([goodKey]);
    expect((await inner.getBytes(goodKey)).toString()).toBe(good);
    expect(await listKeys(inner, 'state/transfer/csv/staging/')).toEqual([]);

    // and a changed file damaged on the way in leaves the good version alone too
    await writeFile(file, ordersExport(2, 4));
    const changed = await transferCsvFiles({
      sourceDir: source,
      store: new FaultyStore(inner, 'on-read'),
      expectedHeaders: EXPECTED_HEADERS,
      now: () => DAY,
    });
    expect(changed.records[0]?.status).toBe('failed');
    expect(await listKeys(inner, 'raw/')).toEqual([goodKey]);
    expect(await readFile(inner.localPath(goodKey), 'utf8')).toBe(good);
  });
});
