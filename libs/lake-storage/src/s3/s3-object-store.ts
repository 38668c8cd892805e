import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { bodyChunks } from '../body';
import { compareKeys, validateKey, validatePrefix } from '../keys';
import { validateMetadata } from '../metadata';
import type { ObjectBody, ObjectInfo, ObjectStore, PutOptions } from '../object-store';
import { StorageError } from '../storage-error';
import {
  DEFAULT_PART_SIZE_BYTES,
  DEFAULT_QUEUE_SIZE,
  MAX_COPY_OBJECT_BYTES,
  MIN_PART_SIZE_BYTES,
  type S3StoreOptions,
  createS3Client,
  resolveS3Endpoint,
} from './s3-client';
import { isNoSuchKey, storageErrorFromS3 } from './s3-errors';
import { type S3Location, parseS3Uri } from './s3-uri';

/**
 * The lake in an S3 bucket (or an S3-compatible server). Keys live under the URI's prefix.
 * Bodies are streamed; objects larger than one part go up as a multipart upload.
 */
export class S3ObjectStore implements ObjectStore {
  readonly uri: string;
  readonly client: S3Client;
  private readonly location: S3Location;
  private readonly endpointName: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly listPageSize: number;
  private readonly maxCopyObjectBytes: number;

  constructor(uri: string, options: S3StoreOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.location = parseS3Uri(uri);
    this.uri = `s3://${this.location.bucket}/${this.location.keyPrefix}`;
    this.client = createS3Client(options, env);
    this.endpointName = resolveS3Endpoint(options, env) ?? 'AWS S3';
    this.partSize = options.partSizeBytes ?? DEFAULT_PART_SIZE_BYTES;
    if (this.partSize < MIN_PART_SIZE_BYTES) {
      throw new StorageError(
        'invalid-uri',
        `S3 part size ${this.partSize} bytes is below S3's minimum of ${MIN_PART_SIZE_BYTES} (5 MiB). Raise partSizeBytes.`,
      );
    }
    this.queueSize = options.queueSize ?? DEFAULT_QUEUE_SIZE;
    this.listPageSize = options.listPageSize ?? 1000;
    this.maxCopyObjectBytes = options.maxCopyObjectBytes ?? MAX_COPY_OBJECT_BYTES;
  }

  private objectKey(key: string): string {
    return this.location.keyPrefix + validateKey(key);
  }

  private name(key: string): string {
    return `${this.uri}${key}`;
  }

  localPath(key: string): undefined {
    validateKey(key);
    return undefined;
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    const Key = this.objectKey(key);
    validateMetadata(key, options.metadata);
    const Body =
      typeof body === 'string' || body instanceof Uint8Array
        ? body
        : Readable.from(bodyChunks(body), { objectMode: false });
    try {
      const upload = new Upload({
        client: this.client,
        params: {
          Bucket: this.location.bucket,
          Key,
          Body,
          ...(options.contentType !== undefined ? { ContentType: options.contentType } : {}),
          ...(options.metadata !== undefined ? { Metadata: { ...options.metadata } } : {}),
        },
        partSize: this.partSize,
        queueSize: this.queueSize,
        leavePartsOnError: false,
      });
      await upload.done();
    } catch (error) {
      if (Body instanceof Readable) Body.destroy();
      if (body instanceof Readable) body.destroy();
      throw storageErrorFromS3(error, 'write', this.name(key), this.endpointName);
    }
    const info = await this.head(key);
    if (info === undefined) {
      throw new StorageError(
        'io',
        `S3 acknowledged ${this.name(key)} but it cannot be read back at ${this.endpointName}. Retry the write.`,
      );
    }
    return info;
  }

  async putFile(
    key: string,
    localPath: string,
    options: PutOptions & { readonly move?: boolean } = {},
  ): Promise<ObjectInfo> {
    const source = path.resolve(localPath);
    const sourceStats = await stat(source).catch(() => undefined);
    if (!sourceStats?.isFile()) {
      throw new StorageError(
        'not-found',
        `Cannot upload ${this.name(key)}: the source file ${source} does not exist or is not a file. Check the path.`,
      );
    }
    const stream = createReadStream(source, { highWaterMark: 1024 * 1024 });
    try {
      const info = await this.put(key, stream, options);
      if (options.move) await unlink(source);
      return info;
    } finally {
      stream.destroy();
    }
  }

  async copy(fromKey: string, toKey: string): Promise<ObjectInfo> {
    const from = this.objectKey(fromKey);
    const Key = this.objectKey(toKey);
    const source = await this.head(fromKey);
    if (source === undefined)
      throw new StorageError(
        'not-found',
        `Cannot copy ${this.name(fromKey)} to ${toKey}: the source object does not exist. Write it first.`,
      );
    if (source.size > this.maxCopyObjectBytes) {
      // CopyObject stops at 5 GiB: stream the bytes through instead (a multipart upload).
      return this.put(toKey, await this.get(fromKey), {
        ...(source.contentType !== undefined ? { contentType: source.contentType } : {}),
        ...(source.metadata !== undefined ? { metadata: source.metadata } : {}),
      });
    }
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.location.bucket,
          Key,
          // CopySource is "bucket/key", URL-encoded per segment.
          CopySource: `${this.location.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'COPY',
        }),
      );
    } catch (error) {
      if (isNoSuchKey(error)) {
        throw new StorageError(
          'not-found',
          `Cannot copy ${this.name(fromKey)} to ${toKey}: the source object does not exist. Write it first.`,
          { cause: error },
        );
      }
      throw storageErrorFromS3(error, 'copy', `${this.name(fromKey)} -> ${this.name(toKey)}`, this.endpointName);
    }
    const info = await this.head(toKey);
    if (info === undefined) {
      throw new StorageError(
        'io',
        `S3 acknowledged the copy to ${this.name(toKey)} but it cannot be read back at ${this.endpointName}. Retry the copy.`,
      );
    }
    return info;
  }

  async get(key: string): Promise<Readable> {
    const Key = this.objectKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key }));
      if (!(response.Body instanceof Readable)) {
        throw new StorageError('io', `S3 returned no readable body for ${this.name(key)}. Retry the read.`);
      }
      return response.Body;
    } catch (error) {
      throw storageErrorFromS3(error, 'read', this.name(key), this.endpointName);
    }
  }

  async getBytes(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const Key = this.objectKey(key);
    let response: HeadObjectCommandOutput;
    try {
      response = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key }));
    } catch (error) {
      if (isNoSuchKey(error)) return undefined;
      throw storageErrorFromS3(error, 'inspect', this.name(key), this.endpointName);
    }
    const metadata = response.Metadata ?? {};
    return {
      key,
      size: response.ContentLength ?? 0,
      lastModified: response.LastModified ?? new Date(0),
      ...(response.ETag !== undefined ? { etag: stripQuotes(response.ETag) } : {}),
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
      ...(response.ContentType !== undefined ? { contentType: response.ContentType } : {}),
    };
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    validatePrefix(prefix);
    const { bucket, keyPrefix } = this.location;
    let ContinuationToken: string | undefined;
    let previous: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: keyPrefix + prefix,
            ContinuationToken,
            MaxKeys: this.listPageSize,
          }),
        );
      } catch (error) {
        throw storageErrorFromS3(error, 'list', `${this.uri}${prefix}*`, this.endpointName);
      }
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined || item.Key.endsWith('/')) continue; // folder markers made by consoles
        if (previous !== undefined && compareKeys(previous, item.Key) >= 0) {
          // Pagination resumes after the last key seen; a server that lists out of order loses keys.
          throw new StorageError(
            'io',
            `${this.endpointName} listed ${item.Key} after ${previous} for ${this.uri}${prefix}*, out of S3's key order, so the listing may be missing keys. Use an S3-compatible server that lists in UTF-8 key order.`,
          );
        }
        previous = item.Key;
        yield {
          key: item.Key.slice(keyPrefix.length),
          size: item.Size ?? 0,
          lastModified: item.LastModified ?? new Date(0),
          ...(item.ETag !== undefined ? { etag: stripQuotes(item.ETag) } : {}),
        };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken !== undefined);
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key }));
    } catch (error) {
      if (isNoSuchKey(error)) return;
      throw storageErrorFromS3(error, 'delete', this.name(key), this.endpointName);
    }
  }
}

function stripQuotes(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}
