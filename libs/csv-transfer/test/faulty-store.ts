import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type { ObjectBody, ObjectInfo, ObjectStore, PutOptions } from '@autocorp/lake-storage';

/** Flips one bit of the first chunk. */
function corrupt(chunk: Uint8Array): Uint8Array {
  const copy = Buffer.from(chunk);
  if (copy.length > 0) copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0x01;
  return copy;
}

/**
 * Fault injection around a real store: `on-write` damages the bytes on their way in (as a faulty
 * disk or network would); `on-read` hides the backend's own checksum and damages bytes read back,
 * so only a re-read can notice.
 */
export class FaultyStore implements ObjectStore {
  constructor(
    private readonly inner: ObjectStore,
    private readonly fault: 'on-write' | 'on-read',
    /** Only keys under these prefixes are damaged: data files (the ledger and reports stay intact). */
    private readonly prefixes: readonly string[] = ['raw/', 'state/transfer/csv/staging/'],
  ) {}

  private damages(key: string): boolean {
    return this.prefixes.some((prefix) => key.startsWith(prefix));
  }

  get uri(): string {
    return this.inner.uri;
  }

  async put(key: string, body: ObjectBody, options?: PutOptions): Promise<ObjectInfo> {
    if (this.fault !== 'on-write' || !this.damages(key))
      return this.hide(key, await this.inner.put(key, body, options));
    const source = body as AsyncIterable<Uint8Array>;
    async function* damaged(): AsyncGenerator<Uint8Array> {
      let first = true;
      for await (const chunk of source) {
        yield first ? corrupt(chunk) : chunk;
        first = false;
      }
    }
    return this.inner.put(key, damaged(), options);
  }

  putFile(key: string, localPath: string, options?: PutOptions & { readonly move?: boolean }): Promise<ObjectInfo> {
    return this.inner.putFile(key, localPath, options);
  }

  async copy(fromKey: string, toKey: string): Promise<ObjectInfo> {
    return this.hide(toKey, await this.inner.copy(fromKey, toKey));
  }

  async get(key: string): Promise<Readable> {
    const stream = await this.inner.get(key);
    if (this.fault !== 'on-read' || !this.damages(key)) return stream;
    const out = new PassThrough();
    let first = true;
    stream.on('data', (chunk: Buffer) => {
      out.write(first ? corrupt(chunk) : chunk);
      first = false;
    });
    stream.on('end', () => out.end());
    stream.on('error', (error) => out.destroy(error));
    return out;
  }

  getBytes(key: string): Promise<Buffer> {
    return this.inner.getBytes(key);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const info = await this.inner.head(key);
    return info && this.hide(key, info);
  }

  list(prefix: string): AsyncIterable<ObjectInfo> {
    return this.inner.list(prefix);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  localPath(key: string): string | undefined {
    return this.inner.localPath(key);
  }

  private hide(key: string, info: ObjectInfo): ObjectInfo {
    if (this.fault !== 'on-read' || !this.damages(key)) return info;
    const { sha256: _hidden, ...rest } = info;
    return rest;
  }
}
