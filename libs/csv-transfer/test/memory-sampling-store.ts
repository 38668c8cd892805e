import { PassThrough, type Readable } from 'node:stream';
import type { ObjectBody, ObjectInfo, ObjectStore, PutOptions } from '@autocorp/lake-storage';

/** Heap plus array buffers: what a transfer holding a file in memory would grow. */
export const memoryInUse = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * A real store that records the peak memory in use at every chunk that passes through it, on the
 * way in (`put` of a stream) and on the way back (`get`, the verification read): the moments a
 * transfer that buffered a file would hold it. No timer: every chunk is sampled.
 */
export class MemorySamplingStore implements ObjectStore {
  peak = 0;
  chunks = 0;

  constructor(private readonly inner: ObjectStore) {}

  get uri(): string {
    return this.inner.uri;
  }

  private sample(): void {
    this.chunks++;
    this.peak = Math.max(this.peak, memoryInUse());
  }

  put(key: string, body: ObjectBody, options?: PutOptions): Promise<ObjectInfo> {
    if (typeof body === 'string' || body instanceof Uint8Array) return this.inner.put(key, body, options);
    const source = body as AsyncIterable<Uint8Array>;
    const sampled = async function* (this: MemorySamplingStore): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        this.sample();
        yield chunk;
      }
    }.call(this);
    return this.inner.put(key, sampled, options);
  }

  putFile(key: string, localPath: string, options?: PutOptions & { readonly move?: boolean }): Promise<ObjectInfo> {
    return this.inner.putFile(key, localPath, options);
  }

  copy(fromKey: string, toKey: string): Promise<ObjectInfo> {
    return this.inner.copy(fromKey, toKey);
  }

  async get(key: string): Promise<Readable> {
    const stream = await this.inner.get(key);
    const out = new PassThrough();
    stream.on('data', () => this.sample());
    stream.on('error', (error) => out.destroy(error));
    return stream.pipe(out);
  }

  getBytes(key: string): Promise<Buffer> {
    return this.inner.getBytes(key);
  }

  head(key: string): Promise<ObjectInfo | undefined> {
    return this.inner.head(key);
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
}
