import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CSV_TRANSFER_LEDGER_KEY, LocalObjectStore, type ObjectStore, S3ObjectStore } from '@autocorp/lake-storage';
import { type LocalS3Server, startLocalS3Server } from '@autocorp/lake-storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferError, type TransferReport, formatTransferReport, readLedger, transferCsvFiles } from '../src/index';
import { FaultyStore } from './faulty-store';
import { EXPECTED_HEADERS, SOURCE_CSV, SOURCE_ROWS, makeSourceFolder } from './source-folder';

const DAY_1 = new Date('2024-03-05T23:59:00Z');
const DAY_2 = new Date('2024-03-06T08:00:00Z');
const clock = (date: Date) => () => date;

async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

const byFile = (report: TransferReport, file: string) => report.records.find((r) => r.file === file);

/** The raw key of version `sequence` of `file` with this content (the layout, spelled out). */
const versionKey = (file: string, day: string, sequence: number, content: string | Buffer) => {
  const stem = file.replace(/\.csv$/, '');
  const sha12 = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return `raw/csv/${stem}/ingest_date=${day}/${stem}.v${String(sequence).padStart(4, '0')}.${sha12}.csv`;
};

describe('transferCsvFiles into a local lake', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  const freshStore = async () => new LocalObjectStore(await mkdtemp(path.join(tmp, 'lake-')));

  it('copies each CSV file into raw/csv/<table>/ingest_date=<UTC day>/, verified, with rows and checksums', async () => {
    const source = await makeSourceFolder(tmp);
    const store = await freshStore();
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: clock(DAY_1),
    });

    expect(report.ingestDate).toBe('2024-03-05');
    expect(report.totals).toMatchObject({ copied: 4, skipped: 0, rejected: 0, failed: 0, manifest: 1, ignored: 1 });
    expect(report.errors).toEqual([]);
    for (const [file, content] of Object.entries(SOURCE_CSV)) {
      const table = file.replace(/\.csv$/, '');
      const record = byFile(report, file);
      expect(record).toMatchObject({
        status: 'copied',
        table,
        key: versionKey(file, '2024-03-05', 1, content),
        bytes: Buffer.byteLength(content),
        rows: SOURCE_ROWS[file],
      });
      expect(record?.reason).toBe('verified by backend-sha256');
      expect(record?.lines).toBe(content.split('\n').length - 1); // every file ends in a newline
      expect((await store.getBytes(record?.key ?? '')).toString()).toBe(content);
      expect((await store.head(record?.key ?? ''))?.sha256).toBe(record?.sha256);
    }
    expect(byFile(report, 'README.txt')?.status).toBe('ignored');
    const manifest = byFile(report, 'manifest.json');
    expect(manifest?.status).toBe('manifest');
    expect(JSON.parse((await store.getBytes(manifest?.key ?? '')).toString()).seed).toBe(42);
    // nothing but the four CSV files lands in the raw zone
    expect(await listKeys(store, 'raw/')).toHaveLength(4);
    // the run's own manifest is in the store
    const stored = JSON.parse((await store.getBytes(report.manifestKey)).toString());
    expect(report.manifestKey).toMatch(/^state\/transfer\/csv\/runs\/2024-03-05T23-59-00-000Z-[0-9a-f]{6}\.json$/);
    expect(stored.completed).toBe(true);
    expect(stored.records).toHaveLength(6);
    expect(Object.keys((await readLedger(store)).files).sort()).toEqual(Object.keys(SOURCE_CSV).sort());
    expect(formatTransferReport(report)).toContain('4 copied');
  });

  it('skips unchanged files on a re-run and copies changed ones again', async () => {
    const source = await makeSourceFolder(tmp);
    const store = await freshStore();
    await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_1) });

    const again = await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_2) });
    expect(again.totals).toMatchObject({ copied: 0, skipped: 4 });
    const customers = SOURCE_CSV['customers.csv'] as string;
    expect(byFile(again, 'customers.csv')).toMatchObject({
      status: 'skipped',
      key: versionKey('customers.csv', '2024-03-05', 1, customers),
      rows: 2,
    });

    await appendFile(path.join(source, 'sales_orders.csv'), '4,12,2024-01-05,7.00\n'); // grows
    const services = path.join(source, 'sales_order_services.csv');
    await writeFile(services, (await readFile(services, 'utf8')).replace('1.5', '2.5')); // same size, new content
    const third = await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_2) });
    expect(third.totals).toMatchObject({ copied: 2, skipped: 2 });
    const orders = await readFile(path.join(source, 'sales_orders.csv'));
    expect(byFile(third, 'sales_orders.csv')).toMatchObject({
      status: 'copied',
      key: versionKey('sales_orders.csv', '2024-03-06', 1, orders),
      rows: 4,
    });
    const servicesKey = byFile(third, 'sales_order_services.csv')?.key ?? '';
    expect(servicesKey).toBe(versionKey('sales_order_services.csv', '2024-03-06', 1, await readFile(services)));
    expect((await store.getBytes(servicesKey)).toString()).toContain('2.5');
    expect((await readLedger(store)).files['sales_orders.csv']?.key).toBe(
      versionKey('sales_orders.csv', '2024-03-06', 1, orders),
    );
  });

  it('copies a file again when its earlier copy has gone from the store', async () => {
    const source = await makeSourceFolder(tmp);
    const store = await freshStore();
    await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_1) });
    const customers = SOURCE_CSV['customers.csv'] as string;
    await store.delete(versionKey('customers.csv', '2024-03-05', 1, customers));
    const again = await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_1) });
    expect(byFile(again, 'customers.csv')).toMatchObject({
      status: 'copied',
      key: versionKey('customers.csv', '2024-03-05', 1, customers),
    });
    expect(again.totals.skipped).toBe(3);
  });

  it('rejects binary files, a header that is not UTF-8 and wrong or implausible headers, with records, copying none of them', async () => {
    const source = await mkdtemp(path.join(tmp, 'bad-source-'));
    await writeFile(path.join(source, 'customers.csv'), 'id,full_name,town\n1,Ana,Austin\n'); // wrong columns
    await writeFile(
      path.join(source, 'sales_orders.csv'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 0)]),
    ); // a zip
    const header = Buffer.from('invoice_number,line_number,sku,quantity,unit_price,line_total,updated_at', 'latin1');
    const latin1Header = Buffer.concat([
      header.subarray(0, 5),
      Buffer.from([0xe9]),
      header.subarray(5),
      Buffer.from('\n'),
    ]); // an "é" in Latin-1
    await writeFile(path.join(source, 'sales_order_parts.csv'), latin1Header);
    await writeFile(path.join(source, 'sales_order_services.csv'), SOURCE_CSV['sales_order_services.csv'] ?? '');
    const store = await freshStore();
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: clock(DAY_1),
    });

    expect(report.totals).toMatchObject({ copied: 1, rejected: 3 });
    expect(byFile(report, 'customers.csv')?.error?.kind).toBe('wrong-header');
    expect(byFile(report, 'customers.csv')?.error?.message).toMatch(
      /missing customer_id, name, city; unexpected id, full_name, town/,
    );
    expect(byFile(report, 'sales_orders.csv')?.error?.kind).toBe('not-csv');
    expect(byFile(report, 'sales_orders.csv')?.error?.message).toContain('NUL byte');
    expect(byFile(report, 'sales_order_parts.csv')?.error).toEqual({
      kind: 'not-csv',
      message: expect.stringContaining('header line (line 1) has an invalid byte at offset 5'),
    });
    expect(report.errors.every((e) => e instanceof TransferError)).toBe(true);
    expect(report.errors).toHaveLength(3);
    const services = SOURCE_CSV['sales_order_services.csv'] as string;
    expect(await listKeys(store, 'raw/')).toEqual([versionKey('sales_order_services.csv', '2024-03-05', 1, services)]);
    const stored = JSON.parse((await store.getBytes(report.manifestKey)).toString());
    expect(stored.records.filter((r: { status: string }) => r.status === 'rejected')).toHaveLength(3);
    // rejected files are not in the ledger, so a fixed file is copied next time
    expect(Object.keys((await readLedger(store)).files)).toEqual(['sales_order_services.csv']);
    // nothing is left in staging
    expect(await listKeys(store, 'state/transfer/csv/staging/')).toEqual([]);
  });

  it('without a list of tables, rejects empty files and implausible headers', async () => {
    const source = await mkdtemp(path.join(tmp, 'bad-headers-'));
    await writeFile(path.join(source, 'dupes.csv'), 'a,b,a\n1,2,3\n');
    await writeFile(path.join(source, 'empty.csv'), '');
    const report = await transferCsvFiles({ sourceDir: source, store: await freshStore(), now: clock(DAY_1) });
    expect(report.totals).toMatchObject({ copied: 0, rejected: 2 });
    expect(byFile(report, 'dupes.csv')?.error?.message).toContain('"a" twice');
    expect(byFile(report, 'empty.csv')?.error?.kind).toBe('wrong-header');
  });

  it('detects bytes damaged on their way into the store, and removes the bad copy', async () => {
    const source = await makeSourceFolder(tmp);
    const inner = await freshStore();
    const report = await transferCsvFiles({
      sourceDir: source,
      store: new FaultyStore(inner, 'on-write'),
      now: clock(DAY_1),
    });
    expect(report.totals).toMatchObject({ copied: 0, failed: 4 });
    expect(report.errors.map((e) => e.kind)).toEqual([
      'checksum-mismatch',
      'checksum-mismatch',
      'checksum-mismatch',
      'checksum-mismatch',
    ]);
    expect(report.errors[0]?.message).toMatch(/does not match .*\.csv: sha256/);
    expect(await listKeys(inner, 'raw/')).toEqual([]);
    expect(await inner.head(CSV_TRANSFER_LEDGER_KEY)).toBeUndefined();
  });

  it('detects a damaged copy by reading it back when the store has no checksum of its own', async () => {
    const source = await makeSourceFolder(tmp);
    const inner = await freshStore();
    const report = await transferCsvFiles({
      sourceDir: source,
      store: new FaultyStore(inner, 'on-read'),
      now: clock(DAY_1),
    });
    expect(report.totals.failed).toBe(4);
    expect(await listKeys(inner, 'raw/')).toEqual([]);
  });

  it('reports a missing source folder with source-missing', async () => {
    const error = await transferCsvFiles({ sourceDir: path.join(tmp, 'nope'), store: await freshStore() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransferError);
    expect((error as TransferError).kind).toBe('source-missing');
    expect((error as TransferError).message).toContain(path.join(tmp, 'nope'));
  });
});

describe('transferCsvFiles into S3 (s3rver over HTTP)', () => {
  let server: LocalS3Server;
  let tmp: string;
  beforeAll(async () => {
    server = await startLocalS3Server(['raw-lake']);
    tmp = await mkdtemp(path.join(os.tmpdir(), 'csv-transfer-s3-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('copies, verifies by reading back, and skips unchanged files on a re-run', async () => {
    const source = await makeSourceFolder(tmp);
    const store = new S3ObjectStore(
      's3://raw-lake/lake',
      { endpoint: server.endpoint, credentials: server.credentials },
      {},
    );
    const report = await transferCsvFiles({
      sourceDir: source,
      store,
      expectedHeaders: EXPECTED_HEADERS,
      now: clock(DAY_1),
    });
    expect(report.totals).toMatchObject({ copied: 4, manifest: 1, ignored: 1 });
    expect(byFile(report, 'customers.csv')?.reason).toBe('verified by re-read');
    const key = versionKey('customers.csv', '2024-03-05', 1, SOURCE_CSV['customers.csv'] as string);
    expect(byFile(report, 'customers.csv')?.key).toBe(key);
    expect((await store.getBytes(key)).toString()).toBe(SOURCE_CSV['customers.csv']);
    expect((await store.head(key))?.contentType).toBe('text/csv');
    expect(await listKeys(store, 'state/transfer/csv/staging/')).toEqual([]);

    const again = await transferCsvFiles({ sourceDir: source, store, now: clock(DAY_2) });
    expect(again.totals).toMatchObject({ copied: 0, skipped: 4 });
    expect(await listKeys(store, 'state/transfer/csv/runs/')).toHaveLength(2);
  });
});
