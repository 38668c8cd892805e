import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore, StorageError } from '../src/index';
import { type LocalS3Server, startLocalS3Server } from '../src/testing/local-s3-server';
import { ORDERING_KEYS, generatedChunks } from './object-store-contract';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('S3ObjectStore (s3rver over HTTP)', () => {
  let server: LocalS3Server;
  const open = (uri: string, extra: { partSizeBytes?: number; maxCopyObjectBytes?: number } = {}) =>
    new S3ObjectStore(uri, { endpoint: server.endpoint, credentials: server.credentials, ...extra }, {});

  beforeAll(async () => {
    server = await startLocalS3Server(['lake', 'other']);
  });
  afterAll(() => server?.close());

  it('copies server-side, and streams objects above the CopyObject limit through', async () => {
    const store = open('s3://lake/copies', { maxCopyObjectBytes: 10 }); // above 'small.csv', below 'large.csv'
    const commands: string[] = [];
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    await store.put('small.csv', 'a\n1\n', { contentType: 'text/csv', metadata: { kind: 'small' } });
    const body = 'a\n1\n2\n3\n4\n5\n';
    await store.put('large.csv', body, { contentType: 'text/csv', metadata: { kind: 'large' } });
    commands.length = 0;
    await store.copy('small.csv', 'out/small.csv');
    expect(commands).toContain('CopyObjectCommand');
    commands.length = 0;
    const large = await store.copy('large.csv', 'out/large.csv');
    expect(commands).not.toContain('CopyObjectCommand');
    expect(large).toMatchObject({
      size: Buffer.byteLength(body),
      contentType: 'text/csv',
      metadata: { kind: 'large' },
    });
    expect((await store.getBytes('out/large.csv')).toString()).toBe(body);
    expect((await store.head('out/small.csv'))?.metadata).toEqual({ kind: 'small' });
  });

  it('uploads an object larger than one part as a multipart upload', async () => {
    const store = open('s3://lake/multipart', { partSizeBytes: 5 * 1024 * 1024 });
    const commands: string[] = [];
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const size = 11 * 1024 * 1024;
    const info = await store.put('big.bin', generatedChunks(size, 256 * 1024, 7), { metadata: { kind: 'test' } });
    expect(info.size).toBe(size);
    expect(commands.filter((c) => c === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CreateMultipartUploadCommand');
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(commands).not.toContain('PutObjectCommand');
    expect(info.metadata).toEqual({ kind: 'test' });
    const hash = createHash('sha256');
    for await (const chunk of generatedChunks(size, 256 * 1024, 7)) hash.update(chunk);
    const got = createHash('sha256');
    for await (const chunk of await store.get('big.bin')) got.update(chunk as Buffer);
    expect(got.digest('hex')).toBe(hash.digest('hex'));
  });

  it('keeps stores with different prefixes apart within one bucket', async () => {
    const a = open('s3://lake/tenant-a');
    const b = open('s3://lake/tenant-b/');
    await a.put('raw/x.csv', 'from a');
    await b.put('raw/x.csv', 'from b');
    expect((await a.getBytes('raw/x.csv')).toString()).toBe('from a');
    expect((await collect(b.list(''))).map((o) => o.key)).toEqual(['raw/x.csv']);
    expect(b.uri).toBe('s3://lake/tenant-b/');
  });

  it('has no local path', () => {
    expect(open('s3://lake').localPath('raw/x.csv')).toBeUndefined();
  });

  it('reports a missing bucket as no-bucket, naming it', async () => {
    const store = open('s3://no-such-bucket/lake');
    const put = await store.put('raw/x.csv', 'x').catch((e: unknown) => e);
    expect((put as StorageError).kind).toBe('no-bucket');
    expect((put as StorageError).message).toContain('s3://no-such-bucket/lake/raw/x.csv');
    const list = await collect(store.list('raw/')).catch((e: unknown) => e);
    expect((list as StorageError).kind).toBe('no-bucket');
  });

  it('reports an unreachable endpoint as io, naming the endpoint', async () => {
    const store = new S3ObjectStore(
      's3://lake',
      { endpoint: 'http://127.0.0.1:9', credentials: server.credentials },
      {},
    );
    const error = await store.getBytes('raw/x.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('io');
    expect((error as StorageError).message).toContain('http://127.0.0.1:9');
  });

  it('refuses a listing that a server returns out of key order rather than silently missing keys', async () => {
    // s3rver walks its folders, listing "a/a.csv" before "a-c.csv"; real S3 never does.
    const store = open('s3://other/order');
    for (const key of ORDERING_KEYS) await store.put(key, key);
    const error = await collect(store.list('')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toContain('out of S3');
  });

  it('rejects a part size below the S3 minimum', () => {
    expect(() => open('s3://lake', { partSizeBytes: 1024 })).toThrow(/5 MiB/);
  });
});
