import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferCsvFiles } from '../src/index';
import { MemorySamplingStore, memoryInUse } from './memory-sampling-store';

const FILE_BYTES = 200 * 1024 * 1024;

/** Writes a CSV file of about `bytes` bytes without holding it in memory; returns its data rows. */
async function writeLargeCsv(filePath: string, bytes: number): Promise<number> {
  const out = createWriteStream(filePath);
  out.write('order_id,customer_id,order_date,total\n');
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++, rows++)
      lines.push(
        `${rows},${rows % 9973},2024-01-${String((rows % 28) + 1).padStart(2, '0')},${(rows % 100000) / 100}\n`,
      );
    const block = lines.join('');
    written += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

describe('a large CSV file', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-large-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('streams through in bounded memory, far below the file size', async () => {
    const source = path.join(tmp, 'source');
    await mkdir(source);
    const rows = await writeLargeCsv(path.join(source, 'sales_orders.csv'), FILE_BYTES);
    const size = (await stat(path.join(source, 'sales_orders.csv'))).size;

    const baseline = memoryInUse();
    const store = new MemorySamplingStore(new LocalObjectStore(path.join(tmp, 'lake')));
    const report = await transferCsvFiles({ sourceDir: source, store, now: () => new Date('2024-03-05T00:00:00Z') });
    const peak = Math.max(store.peak, memoryInUse());
    // Sampled all the way through: every chunk streamed into the store (none larger than 8 MiB).
    expect(store.chunks).toBeGreaterThanOrEqual(Math.ceil(size / (8 * 2 ** 20)));

    const record = report.records[0];
    expect(record).toMatchObject({ status: 'copied', bytes: size, rows });
    expect((await store.head(record?.key ?? ''))?.size).toBe(size);
    const growth = peak - baseline;
    console.log(
      `large file: ${(size / 2 ** 20).toFixed(0)} MiB, ${rows} rows, peak memory growth ${(growth / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(growth).toBeLessThan(size / 4);
  });
});
