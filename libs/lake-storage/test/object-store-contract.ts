import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ObjectStore, StorageError } from '../src/index';

export interface ContractSubject {
  readonly store: ObjectStore;
  /**
   * The server lists a folder's keys before sibling keys that sort earlier ("a/x" before "a.csv"),
   * as s3rver does because it walks its folders; real S3 and the local backend do not.
   */
  readonly listsFoldersBeforeSiblings?: boolean;
  /** Size of an object that must take the backend's "large" path (more than one S3 part). */
  readonly largeObjectBytes: number;
  close(): Promise<void>;
}

/** Deterministic pseudo-random chunks, generated on the fly (never held whole). */
export async function* generatedChunks(
  totalBytes: number,
  chunkBytes = 64 * 1024,
  seed = 1,
): AsyncGenerator<Uint8Array> {
  let state = seed;
  for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
    const length = Math.min(chunkBytes, totalBytes - sent);
    const chunk = Buffer.allocUnsafe(Math.ceil(length / 4) * 4);
    for (let i = 0; i < chunk.length; i += 4) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      chunk.writeUInt32LE(state, i);
    }
    yield chunk.subarray(0, length);
  }
}

export async function sha256Of(chunks: AsyncIterable<Uint8Array | string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function expectStorageError(
  promise: Promise<unknown>,
  kind: StorageError['kind'],
  mention?: string,
): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).kind).toBe(kind);
  if (mention !== undefined) expect((error as StorageError).message).toContain(mention);
  return error as StorageError;
}

export const byteOrder = (x: string, y: string) => Buffer.compare(Buffer.from(x), Buffer.from(y));

/** Keys whose byte order differs from a folder-by-folder walk: "a-c.csv" and "a.csv" sort before "a/...". */
export const ORDERING_KEYS = [
  'b.csv',
  'a/b/c.csv',
  'a-c.csv',
  'a/b.csv',
  'a.csv',
  'a/a.csv',
  'B.csv',
  'a/b/c/d/e.csv',
  'ab.csv',
  'z/ü.csv',
  'z/z.csv',
  'a/bc.csv',
];
/** Keys where both orders agree. */
export const WALK_SAFE_KEYS = [
  'b.csv',
  'a/b/x.csv',
  'a/a.csv',
  'B.csv',
  'a/b/c/d/e.csv',
  'ab.csv',
  'z/ü.csv',
  'z/z.csv',
  'a/bc.csv',
  'c/d/e/f.csv',
];

export const INVALID_KEYS = [
  '',
  '/raw/x.csv',
  'raw//x.csv',
  'raw/x.csv/',
  'raw/../x.csv',
  '../x',
  'raw/./x',
  'a\\b',
  'a\u0000b',
  '.lake-meta/x',
  'raw/.lake-tmp-x',
  'x'.repeat(1025),
];

/** The behaviour every ObjectStore backend must have; run once per backend. */
export function describeObjectStoreContract(backend: string, open: () => Promise<ContractSubject>): void {
  describe(`ObjectStore contract: ${backend}`, () => {
    let subject: ContractSubject;
    let store: ObjectStore;
    let scratch: string;
    let n = 0;
    /** A fresh key prefix per test, so tests never see each other's objects. */
    const area = () => `contract/t${++n}-${randomBytes(3).toString('hex')}/`;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
      scratch = await mkdtemp(path.join(os.tmpdir(), 'lake-contract-'));
    });
    afterAll(async () => {
      await subject?.close();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    });

    it('puts bytes and reads them back by stream, by bytes and by head', async () => {
      const key = `${area()}sales.csv`;
      const body = Buffer.from('id,total\n1,10.50\n2,3.25\n');
      const info = await store.put(key, body);
      expect(info.key).toBe(key);
      expect(info.size).toBe(body.length);
      expect(info.lastModified).toBeInstanceOf(Date);
      expect(Math.abs(info.lastModified.getTime() - Date.now())).toBeLessThan(5 * 60_000);
      expect(info.etag).toBeTruthy();
      expect(await store.getBytes(key)).toEqual(body);
      expect(Buffer.concat(await collect((await store.get(key)) as AsyncIterable<Buffer>))).toEqual(body);
      const head = await store.head(key);
      expect(head?.key).toBe(key);
      expect(head?.size).toBe(body.length);
      expect(head?.etag).toBe(info.etag);
    });

    it('accepts text, a Readable, a Readable of strings and an async iterable as bodies', async () => {
      const base = area();
      await store.put(`${base}text.txt`, 'héllo, lake');
      await store.put(`${base}readable.bin`, Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
      await store.put(`${base}strings.txt`, Readable.from(['x', 'ü', 'z'], { objectMode: true }));
      await store.put(`${base}iterable.bin`, generatedChunks(100_000, 7_000));
      expect((await store.getBytes(`${base}text.txt`)).toString('utf8')).toBe('héllo, lake');
      expect((await store.getBytes(`${base}readable.bin`)).toString()).toBe('abcd');
      expect((await store.getBytes(`${base}strings.txt`)).toString('utf8')).toBe('xüz');
      const iterable = await store.getBytes(`${base}iterable.bin`);
      expect(iterable.length).toBe(100_000);
      expect(createHash('sha256').update(iterable).digest('hex')).toBe(await sha256Of(generatedChunks(100_000, 7_000)));
    });

    it('accepts an empty object', async () => {
      const key = `${area()}empty`;
      const info = await store.put(key, Buffer.alloc(0));
      expect(info.size).toBe(0);
      expect((await store.getBytes(key)).length).toBe(0);
      expect((await store.head(key))?.size).toBe(0);
    });

    it('replaces an object on a second put', async () => {
      const key = `${area()}x.csv`;
      await store.put(key, 'first version, longer than the second');
      await store.put(key, 'second');
      expect((await store.getBytes(key)).toString()).toBe('second');
      expect((await store.head(key))?.size).toBe(6);
    });

    it('reports absent objects: head undefined, get/getBytes not-found naming the key, delete quietly', async () => {
      const key = `${area()}missing.csv`;
      expect(await store.head(key)).toBeUndefined();
      await expectStorageError(store.get(key), 'not-found', key);
      await expectStorageError(store.getBytes(key), 'not-found', key);
      await expect(store.delete(key)).resolves.toBeUndefined();
    });

    it('keeps metadata and content type', async () => {
      const key = `${area()}with-meta.csv`;
      const metadata = { 'source-file': 'sales_orders.csv', sha256: 'abc123', rows: '42' };
      const info = await store.put(key, 'a,b\n', { contentType: 'text/csv', metadata });
      expect(info.metadata).toEqual(metadata);
      expect(info.contentType).toBe('text/csv');
      const head = await store.head(key);
      expect(head?.metadata).toEqual(metadata);
      expect(head?.contentType).toBe('text/csv');
      const plain = await store.put(`${key}.plain`, 'a');
      expect(plain.metadata).toBeUndefined();
    });

    it('rejects metadata that would not round-trip, before writing', async () => {
      const key = `${area()}bad-meta.csv`;
      await expectStorageError(
        store.put(key, 'x', { metadata: { 'Upper-Case': 'v' } }),
        'invalid-metadata',
        'Upper-Case',
      );
      await expectStorageError(store.put(key, 'x', { metadata: { name: 'naïve' } }), 'invalid-metadata', key);
      expect(await store.head(key)).toBeUndefined();
    });

    it('lists every key under a prefix, recursively, in UTF-8 byte order', async () => {
      const base = area();
      const keys = subject.listsFoldersBeforeSiblings ? WALK_SAFE_KEYS : ORDERING_KEYS;
      for (const key of keys) await store.put(base + key, key);
      const sorted = [...keys].sort(byteOrder);
      const listed = await collect(store.list(base));
      expect(listed.map((o) => o.key)).toEqual(sorted.map((k) => base + k));
      for (const info of listed) expect(info.size).toBe(Buffer.byteLength(info.key) - Buffer.byteLength(base));
      // a folder prefix, a partial name prefix that cuts through folder names, a whole key
      for (const prefix of ['a/', 'a/b', 'a', 'z/', 'a/b/c/d/e.csv', 'nothing-here/']) {
        const expected = sorted.filter((k) => k.startsWith(prefix)).map((k) => base + k);
        expect((await collect(store.list(base + prefix))).map((o) => o.key)).toEqual(expected);
      }
    });

    it('lists from the root with an empty prefix', async () => {
      const base = area();
      await store.put(`${base}one`, '1');
      const all = (await collect(store.list(''))).map((o) => o.key);
      expect(all).toContain(`${base}one`);
      const sorted = [...all].sort(byteOrder);
      expect(all).toEqual(sorted);
    });

    it('deletes objects, which then vanish from head, get and list', async () => {
      const base = area();
      await store.put(`${base}keep.csv`, 'k');
      await store.put(`${base}deep/down/gone.csv`, 'g');
      await store.delete(`${base}deep/down/gone.csv`);
      expect(await store.head(`${base}deep/down/gone.csv`)).toBeUndefined();
      await expectStorageError(store.get(`${base}deep/down/gone.csv`), 'not-found');
      expect((await collect(store.list(base))).map((o) => o.key)).toEqual([`${base}keep.csv`]);
      // the name of a former folder can now be a key
      await store.put(`${base}deep`, 'now an object');
      expect((await store.getBytes(`${base}deep`)).toString()).toBe('now an object');
    });

    it('rejects invalid keys identically for every operation', async () => {
      for (const key of INVALID_KEYS) {
        await expectStorageError(store.put(key, 'x'), 'invalid-key');
        await expectStorageError(store.get(key), 'invalid-key');
        await expectStorageError(store.getBytes(key), 'invalid-key');
        await expectStorageError(store.head(key), 'invalid-key');
        await expectStorageError(store.delete(key), 'invalid-key');
        expect(() => store.localPath(key)).toThrow(StorageError);
      }
      await expectStorageError(collect(store.list('../')), 'invalid-key');
      await expectStorageError(collect(store.list('/raw')), 'invalid-key');
    });

    it('uploads a local file, and moves one when asked', async () => {
      const base = area();
      const source = path.join(scratch, `copy-${n}.csv`);
      await writeFile(source, 'id\n1\n2\n');
      const copied = await store.putFile(`${base}copied.csv`, source, { contentType: 'text/csv' });
      expect(copied.size).toBe(7);
      expect(existsSync(source)).toBe(true);
      const moved = await store.putFile(`${base}moved.csv`, source, { move: true, metadata: { origin: 'test' } });
      expect(moved.size).toBe(7);
      expect(existsSync(source)).toBe(false);
      expect((await store.getBytes(`${base}moved.csv`)).toString()).toBe('id\n1\n2\n');
      expect((await store.head(`${base}moved.csv`))?.metadata).toEqual({ origin: 'test' });
      await expectStorageError(
        store.putFile(`${base}nope.csv`, path.join(scratch, 'does-not-exist.csv')),
        'not-found',
        'does-not-exist.csv',
      );
    });

    it('copies an object with its content type and metadata, leaving the source, and replaces the target', async () => {
      const base = area();
      await store.put(`${base}staged.csv`, 'id\n1\n', {
        contentType: 'text/csv',
        metadata: { 'source-file': 'a.csv' },
      });
      await store.put(`${base}ingest_date=2024-01-31/final.csv`, 'older');
      const copied = await store.copy(`${base}staged.csv`, `${base}ingest_date=2024-01-31/final.csv`);
      expect(copied).toMatchObject({ key: `${base}ingest_date=2024-01-31/final.csv`, size: 5 });
      expect((await store.getBytes(`${base}ingest_date=2024-01-31/final.csv`)).toString()).toBe('id\n1\n');
      const head = await store.head(`${base}ingest_date=2024-01-31/final.csv`);
      expect(head?.contentType).toBe('text/csv');
      expect(head?.metadata).toEqual({ 'source-file': 'a.csv' });
      expect((await store.getBytes(`${base}staged.csv`)).toString()).toBe('id\n1\n');
      // the copy is independent of its source
      await store.delete(`${base}staged.csv`);
      expect((await store.getBytes(`${base}ingest_date=2024-01-31/final.csv`)).toString()).toBe('id\n1\n');
      await expectStorageError(store.copy(`${base}absent.csv`, `${base}x.csv`), 'not-found', 'absent.csv');
      expect(await store.head(`${base}x.csv`)).toBeUndefined();
    });

    it('streams a large object in and out intact', async () => {
      const key = `${area()}large.bin`;
      const size = subject.largeObjectBytes;
      const expected = await sha256Of(generatedChunks(size));
      const info = await store.put(key, Readable.from(generatedChunks(size)));
      expect(info.size).toBe(size);
      expect(await sha256Of((await store.get(key)) as AsyncIterable<Buffer>)).toBe(expected);
      expect((await collect(store.list(key)))[0]?.size).toBe(size);
    });

    it('leaves no object behind when the body fails midway, and keeps the previous version', async () => {
      const key = `${area()}failing.csv`;
      await store.put(key, 'previous');
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield Buffer.from('partial data ');
        throw new Error('source broke');
      }
      await expect(store.put(key, failing())).rejects.toThrow();
      expect((await store.getBytes(key)).toString()).toBe('previous');
      await expect(store.put(`${key}.new`, failing())).rejects.toThrow();
      expect(await store.head(`${key}.new`)).toBeUndefined();
    });
  });
}
