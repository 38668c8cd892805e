import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore } from '@autocorp/lake-storage';
import type { ProgressEvent } from '@autocorp/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_CHUNK_BYTES } from '../src/read-chunks';
import { transferCsvFiles } from '../src/index';
import { EXPECTED_HEADERS, makeSourceFolder } from './source-folder';

/** Checks one file's events: start (done 0, total = its size), rising advances, one finish last. */
function expectOrderedTask(events: readonly ProgressEvent[], total: number): void {
  expect(events[0]).toMatchObject({ phase: 'start', done: 0, total, unit: 'bytes' });
  expect(events.at(-1)?.phase).toBe('finish');
  expect(events.slice(1, -1).every((e) => e.phase === 'advance')).toBe(true);
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
    expect(events[i]!.startedAt).toBe(events[0]!.startedAt);
  }
}

describe('transferCsvFiles progress events', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-progress-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('reports each file as bytes copied, in order, ending at the file size; a re-run reports the re-hash of unchanged files', async () => {
    const source = await makeSourceFolder(tmp);
    // Several read chunks, so the copy reports more than one advance.
    const rows = Array.from(
      { length: Math.ceil((2.5 * READ_CHUNK_BYTES) / 24) },
      (_, i) => `${i + 100},${i % 50},2024-02-01,${(i % 997) + 0.5}`,
    );
    await appendFile(path.join(source, 'sales_orders.csv'), `${rows.join('\n')}\n`);
    const store = new LocalObjectStore(await mkdtemp(path.join(tmp, 'lake-')));

    const events: ProgressEvent[] = [];
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      onProgress: (e) => events.push(e),
    });
    const copied = report.records.filter((r) => r.status === 'copied');
    expect(copied.length).toBe(report.totals.copied);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['transfer']));
    // Files run one after the other: each file's events are contiguous, in the report's order.
    expect([...new Set(events.map((e) => e.subject))]).toEqual(copied.map((r) => r.file));
    const bounds = events.flatMap((e, i) => (e.phase === 'start' ? [i] : []));
    expect(bounds.length).toBe(copied.length);
    for (const record of copied) {
      const size = (await stat(path.join(source, record.file))).size;
      const own = events.filter((e) => e.subject === record.file);
      expectOrderedTask(own, size);
      expect(own.at(-1)?.done).toBe(size);
      expect(own.at(-1)?.done).toBe(record.bytes);
    }
    const big = events.filter((e) => e.subject === 'sales_orders.csv' && e.phase === 'advance');
    const bigSize = (await stat(path.join(source, 'sales_orders.csv'))).size;
    expect(big.length).toBe(Math.ceil(bigSize / READ_CHUNK_BYTES));

    const again: ProgressEvent[] = [];
    const second = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      onProgress: (e) => again.push(e),
    });
    const skipped = second.records.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.file)).toEqual(copied.map((r) => r.file));
    expect(new Set(again.map((e) => e.stage))).toEqual(new Set(['transfer-check']));
    for (const record of skipped) {
      const size = (await stat(path.join(source, record.file))).size;
      const own = again.filter((e) => e.subject === record.file);
      expectOrderedTask(own, size);
      expect(own.at(-1)?.done).toBe(size);
    }
  });
});
