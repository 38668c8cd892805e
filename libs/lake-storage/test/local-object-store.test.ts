import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore, StorageError } from '../src/index';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every file under `dir`, recursively, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('LocalObjectStore', () => {
  let tmp: string;
  let root: string;
  let store: LocalObjectStore;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lake-local-specific-'));
    root = path.join(tmp, 'lake');
    store = new LocalObjectStore(root);
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('names itself by a file:// URI and refuses a relative root', () => {
    expect(store.uri).toBe(pathToFileURL(root).href);
    expect(() => new LocalObjectStore('relative/lake')).toThrow(StorageError);
  });

  it('keeps the sha256 computed while writing and reports it from put, head and list', async () => {
    const body = 'id,name\n1,Brake pads\n';
    const info = await store.put('raw/csv/parts/p.csv', body);
    expect(info.sha256).toBe(sha256(body));
    expect(info.etag).toBe(sha256(body));
    expect((await store.head('raw/csv/parts/p.csv'))?.sha256).toBe(sha256(body));
    expect((await collect(store.list('raw/csv/parts/')))[0]?.sha256).toBe(sha256(body));
  });

  it('serves objects in place through localPath', async () => {
    await store.put('curated/orders/part-0.parquet', 'PAR1');
    const file = store.localPath('curated/orders/part-0.parquet');
    expect(file).toBe(path.join(root, 'curated', 'orders', 'part-0.parquet'));
    expect(await readFile(file, 'utf8')).toBe('PAR1');
  });

  it('stops trusting the checksum once the file is changed behind its back', async () => {
    const key = 'processed/t/changed.csv';
    await store.put(key, 'a,b\n1,2\n', { metadata: { rows: '1' } });
    await appendFile(store.localPath(key), '3,4\n');
    const head = await store.head(key);
    expect(head?.size).toBe(12);
    expect(head?.sha256).toBeUndefined();
    expect(head?.metadata).toBeUndefined();
    // a file replaced wholesale by another program (new inode, same size) is not trusted either
    await store.put(key, 'same-size');
    await rm(store.localPath(key));
    await writeFile(store.localPath(key), 'SAME-SIZE');
    expect((await store.head(key))?.sha256).toBeUndefined();
  });

  it('never lists temporary files or its own metadata folder, and leaves none after a failed write', async () => {
    await store.put('raw/tmp-test/visible.csv', 'v');
    await writeFile(path.join(root, 'raw', 'tmp-test', '.lake-tmp-visible.csv-abc123'), 'half written');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(1024, 1);
      throw new Error('disk source vanished');
    }
    await expect(store.put('raw/tmp-test/broken.csv', failing())).rejects.toThrow(StorageError);
    expect((await collect(store.list('raw/tmp-test/'))).map((o) => o.key)).toEqual(['raw/tmp-test/visible.csv']);
    expect(await readdir(path.join(root, 'raw', 'tmp-test'))).toEqual(['.lake-tmp-visible.csv-abc123', 'visible.csv']);
    expect((await collect(store.list(''))).some((o) => o.key.startsWith('.lake-meta'))).toBe(false);
  });

  it('names the key when a write fails, and says why', async () => {
    const error = await store
      .put(
        'raw/tmp-test/broken2.csv',
        (async function* () {
          yield Buffer.from('x');
          throw new Error('upstream closed');
        })(),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toContain('raw/tmp-test/broken2.csv');
    expect((error as StorageError).message).toContain('upstream closed');
  });

  it('reports a key-conflict when a key and a folder of keys share a name', async () => {
    await store.put('conflict/a', 'file');
    const under = await store.put('conflict/a/b', 'x').catch((e: unknown) => e);
    expect((under as StorageError).kind).toBe('key-conflict');
    await store.put('conflict/c/d', 'file');
    const over = await store.put('conflict/c', 'x').catch((e: unknown) => e);
    expect((over as StorageError).kind).toBe('key-conflict');
    expect((over as StorageError).message).toContain('conflict/c');
  });

  it('keeps each object whole under concurrent writers of the same key', async () => {
    const bodies = Array.from({ length: 6 }, (_, i) => Buffer.alloc(512 * 1024 + i, 65 + i));
    await Promise.all(bodies.map((body) => store.put('race/same.bin', body)));
    const final = await store.getBytes('race/same.bin');
    expect(bodies.some((body) => body.equals(final))).toBe(true);
    expect((await store.head('race/same.bin'))?.sha256).toBe(sha256(final));
    expect(await readdir(path.join(root, 'race'))).toEqual(['same.bin']);
  });

  it('moves a file by renaming it when it is on the same filesystem', async () => {
    const source = path.join(tmp, 'to-move.csv');
    await writeFile(source, 'x,y\n');
    const inode = (await stat(source)).ino;
    const info = await store.putFile('moved/to-move.csv', source, { move: true });
    expect((await stat(store.localPath('moved/to-move.csv'))).ino).toBe(inode);
    expect(existsSync(source)).toBe(false);
    expect(info.sha256).toBe(sha256('x,y\n'));
  });

  it('removes folders emptied by delete, including its metadata', async () => {
    await store.put('prune/deep/er/only.csv', 'o');
    await store.put('prune/keep.csv', 'k');
    await store.delete('prune/deep/er/only.csv');
    expect(existsSync(path.join(root, 'prune', 'deep'))).toBe(false);
    expect(existsSync(path.join(root, '.lake-meta', 'prune', 'deep'))).toBe(false);
    expect(existsSync(path.join(root, 'prune', 'keep.csv'))).toBe(true);
    // deleting a "folder" name is not deleting an object
    await mkdir(path.join(root, 'prune', 'folder', 'x'), { recursive: true });
    await store.delete('prune/folder');
    expect(existsSync(path.join(root, 'prune', 'folder', 'x'))).toBe(true);
  });

  it('lists nothing, without error, when the lake folder does not exist yet', async () => {
    const fresh = new LocalObjectStore(path.join(tmp, 'not-created'));
    expect(await collect(fresh.list(''))).toEqual([]);
    expect(await fresh.head('raw/x')).toBeUndefined();
  });

  it('writes only data and sidecar files into the lake folder', async () => {
    const fresh = new LocalObjectStore(path.join(tmp, 'layout'));
    await fresh.put('raw/a.csv', 'a', { contentType: 'text/csv' });
    expect((await filesUnder(path.join(tmp, 'layout'))).sort()).toEqual(['.lake-meta/raw/a.csv.json', 'raw/a.csv']);
  });
});
