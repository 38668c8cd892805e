import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QUARANTINE_FILE_COMMAND,
  EtlError,
  excludeRawFile,
  listExcludedFiles,
  readBookmark,
  restoreRawFile,
  runJobs,
} from '../src/index';
import { ORDERS_HEADER, fixtureLake, orderLine, reportOf } from './lake-fixture';
import { writeRawCsv } from './raw-fixture';

let lake: Awaited<ReturnType<typeof fixtureLake>>;

beforeAll(async () => {
  lake = await fixtureLake();
  const first = await runJobs({ store: lake.store, jobs: ['sales_order'] });
  expect(reportOf(first, 'sales_order').status).toBe('committed');
}, 120_000);

afterAll(async () => {
  await lake.remove();
});

const invoice = (n: number) => `INV-C-9${String(n).padStart(5, '0')}`;
const run = async () => reportOf(await runJobs({ store: lake.store, jobs: ['sales_order'] }), 'sales_order');

describe('a small delta with a bad row', () => {
  it('quarantines one bad row of a delta under 100 rows instead of blocking, and blocks on two', async () => {
    const rows = 10;
    const lines = (bad: number) =>
      Array.from({ length: rows }, (_, i) =>
        orderLine(invoice(100 * bad + i), '2024-03-01 09:00:00', i < bad ? { total: '-10.83' } : {}),
      );
    await writeRawCsv(lake, 'sales_orders', '2025-07-01', 'sales_orders.csv', [ORDERS_HEADER, ...lines(1)]);
    const one = await run();
    expect(one.status).toBe('committed');
    expect(one.counts.quarantined).toBe(1);
    expect(one.rules.find((r) => r.rule === 'amounts_non_negative')).toMatchObject({
      passed: true,
      observed: 1,
      checked: rows,
    });

    const key = await writeRawCsv(lake, 'sales_orders', '2025-07-02', 'sales_orders.csv', [ORDERS_HEADER, ...lines(2)]);
    const two = await run();
    expect(two.status).toBe('blocked');
    expect(two.rules.find((r) => r.rule === 'amounts_non_negative')).toMatchObject({
      passed: false,
      observed: 2,
      checked: rows,
    });
    expect(two.error).toContain(`${QUARANTINE_FILE_COMMAND} ${key} --reason`);
    expect(two.error).toContain(`${key} (2 row(s) breaking a rule)`);
    expect(two.error).toContain('A later export does not replace these files');
    await excludeRawFile({ store: lake.store, key, reason: 'two negative totals', by: 'test' });
  }, 60_000);
});

describe('taking a blocked file out of the input', () => {
  let blockedKey: string;

  it('lets a fixed export on a later day commit, keeps the file in the raw zone and the record listed', async () => {
    const bad = Array.from({ length: 20 }, (_, i) =>
      orderLine(invoice(5000 + i), '2024-03-01 09:00:00', { total: '-10.83' }),
    );
    blockedKey = await writeRawCsv(lake, 'sales_orders', '2025-08-01', 'sales_orders.csv', [ORDERS_HEADER, ...bad]);
    const fixedLines = Array.from({ length: 20 }, (_, i) => orderLine(invoice(5000 + i), '2024-03-01 09:00:00'));
    const blocked = await run();
    expect(blocked.status).toBe('blocked');
    // The fixed export arrives the next day: read beside the bad file, it stays blocked.
    const fixedKey = await writeRawCsv(lake, 'sales_orders', '2025-08-02', 'sales_orders.csv', [
      ORDERS_HEADER,
      ...fixedLines,
    ]);
    expect((await run()).status).toBe('blocked');

    const now = new Date('2025-08-03T10:00:00Z');
    const record = await excludeRawFile({
      store: lake.store,
      key: blockedKey,
      reason: 'negative totals; fixed export follows',
      by: 'ops@example.com',
      now: () => now,
    });
    const head = await lake.store.head(blockedKey);
    expect(record).toMatchObject({
      key: blockedKey,
      size: head?.size,
      jobs: ['sales_order'],
      reason: 'negative totals; fixed export follows',
      excludedBy: 'ops@example.com',
      excludedAt: now.toISOString(),
    });

    const after = await run();
    expect(after.status).toBe('committed');
    expect(after.inputFiles).toEqual([fixedKey]);
    expect(after.excludedFiles).toContain(blockedKey);
    expect(after.counts).toMatchObject({ read: fixedLines.length, quarantined: 0, inserted: fixedLines.length });
    expect(await lake.store.head(blockedKey)).toEqual(head);
    expect((await readBookmark(lake.store, 'sales_order')).csv['sales_orders']?.some((m) => m.key === blockedKey)).toBe(
      false,
    );
    expect((await listExcludedFiles(lake.store)).map((e) => e.key)).toContain(blockedKey);
  }, 60_000);

  it('puts a restored file back into the input: the next run reads it again', async () => {
    const removed = await restoreRawFile(lake.store, blockedKey);
    expect(removed.key).toBe(blockedKey);
    expect((await listExcludedFiles(lake.store)).map((e) => e.key)).not.toContain(blockedKey);
    const again = await run();
    expect(again.inputFiles).toEqual([blockedKey]);
    expect(again.status).toBe('blocked');
  }, 60_000);

  it('refuses keys that are not raw CSV files, or are missing, naming the key', async () => {
    const cdcKey = 'raw/database/pg_auto_parts/LOAD00000001.parquet';
    await expect(excludeRawFile({ store: lake.store, key: cdcKey, reason: 'x', by: 'test' })).rejects.toThrow(
      new RegExp(`"${cdcKey}" is not a raw CSV file key`),
    );
    const missing = 'raw/csv/sales_orders/ingest_date=2030-01-01/sales_orders.csv';
    const error = await excludeRawFile({ store: lake.store, key: missing, reason: 'x', by: 'test' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EtlError);
    expect((error as EtlError).kind).toBe('invalid-option');
    expect((error as EtlError).message).toContain(missing);
  });
});
