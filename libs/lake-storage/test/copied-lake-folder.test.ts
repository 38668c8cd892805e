import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore, type ObjectInfo } from '../src/index';

const run = promisify(execFile);
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** What a reader remembers about a listed object to tell whether it changed (as the ETL's bookmarks do). */
async function marks(
  store: LocalObjectStore,
  prefix: string,
): Promise<{ key: string; size: number; etag: string | undefined }[]> {
  const out: { key: string; size: number; etag: string | undefined }[] = [];
  for await (const info of store.list(prefix)) out.push({ key: info.key, size: info.size, etag: info.etag });
  return out;
}

const OBJECTS: Readonly<Record<string, string>> = {
  'raw/csv/customers/ingest_date=2024-01-31/customers.v0001.csv': 'customer_id,name\n1,Ana\n',
  'raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.v0001.csv':
    'invoice_number,total\nINV-1,10.00\nINV-2,12.50\n',
  'state/etl/quarantine/batch-1.json': '{"rows":2}',
};

describe('a local lake folder copied with cp -r', () => {
  let tmp: string;
  let original: LocalObjectStore;
  let copy: LocalObjectStore;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lake-copied-'));
    original = new LocalObjectStore(path.join(tmp, 'lake'));
    for (const [key, body] of Object.entries(OBJECTS))
      await original.put(key, body, { contentType: 'text/csv', metadata: { origin: 'test' } });
    await run('cp', ['-r', original.root, path.join(tmp, 'lake-copy')]);
    copy = new LocalObjectStore(path.join(tmp, 'lake-copy'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('keeps every checksum, etag and metadata, so a reader sees nothing new', async () => {
    const key = Object.keys(OBJECTS)[0] as string;
    // cp -r gives every file a new inode and mtime
    expect((await stat(copy.localPath(key))).ino).not.toBe((await stat(original.localPath(key))).ino);
    const before = await marks(original, '');
    expect(before.map((m) => m.etag)).toEqual(
      Object.keys(OBJECTS)
        .sort()
        .map((k) => sha256(OBJECTS[k] as string)),
    );
    expect(await marks(copy, '')).toEqual(before);
    for (const [k, body] of Object.entries(OBJECTS)) {
      const head = (await copy.head(k)) as ObjectInfo;
      expect(head).toMatchObject({
        sha256: sha256(body),
        etag: sha256(body),
        contentType: 'text/csv',
        metadata: { origin: 'test' },
      });
    }
  });

  it('records the copy’s own inode after checking it once', async () => {
    const key = Object.keys(OBJECTS)[1] as string;
    await copy.head(key);
    const sidecar = JSON.parse(await readFile(path.join(copy.root, '.lake-meta', `${key}.json`), 'utf8')) as {
      ino: string;
    };
    expect(sidecar.ino).toBe((await stat(copy.localPath(key), { bigint: true })).ino.toString());
  });

  it('still drops a checksum when a copied file was rewritten with other bytes of the same size', async () => {
    const key = Object.keys(OBJECTS)[2] as string;
    const body = OBJECTS[key] as string;
    await writeFile(copy.localPath(key), body.replace('2', '3'));
    expect((await stat(copy.localPath(key))).size).toBe(Buffer.byteLength(body));
    expect((await copy.head(key))?.sha256).toBeUndefined();
    expect((await original.head(key))?.sha256).toBe(sha256(body));
  });
});
