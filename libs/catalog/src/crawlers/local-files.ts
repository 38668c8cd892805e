import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ObjectStore } from '@autocorp/lake-storage';

/**
 * Gives `fn` a local path for each key: the file itself on a local lake, a downloaded copy
 * (removed afterwards) on a remote one, so DuckDB can read it.
 */
export async function withLocalFile<T>(store: ObjectStore, key: string, fn: (file: string) => Promise<T>): Promise<T> {
  const local = store.localPath(key);
  if (local !== undefined) return fn(local);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'autocorp-catalog-'));
  try {
    const file = path.join(dir, path.basename(key));
    await fs.writeFile(file, await store.getBytes(key));
    return await fn(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The URI of a folder of the lake: `file:///lake/raw/csv/customers/` or `s3://bucket/prefix/raw/...`. */
export function lakeFolderUri(store: ObjectStore, prefix: string): string {
  const base = store.uri.endsWith('/') ? store.uri : `${store.uri}/`;
  const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return `${base}${folder}`;
}

/** Every key under `prefix`, collected. */
export async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}
