import type { Readable } from 'node:stream';

/** Body accepted by `put`: whole bytes, text, or a stream of chunks (streamed, never buffered whole). */
export type ObjectBody = Uint8Array | string | Readable | AsyncIterable<Uint8Array>;

export interface ObjectInfo {
  /** Key relative to the store's root, with `/` separators, e.g. `raw/database/pg_sales_order/LOAD00000001.parquet`. */
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
  /** Content checksum when the backend knows one (hex sha256 for local files written through `put`, ETag on S3). */
  readonly etag?: string;
  /** User metadata stored with the object. */
  readonly metadata?: Readonly<Record<string, string>>;
  /**
   * Hex sha256 of the stored bytes, when the backend computed it from those bytes itself
   * (the local backend, while writing). Absent on S3: verify there by re-reading.
   */
  readonly sha256?: string;
  /** Content type given at `put`, when the backend reports it (`head`/`put`; not `list`). */
  readonly contentType?: string;
}

export interface PutOptions {
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * The lake's object store. Keys are the same on every backend.
 * Writes are atomic: a reader sees the whole object or none; when `put`/`putFile` resolve,
 * the object is durable (fsynced locally; acknowledged by S3).
 */
export interface ObjectStore {
  /** `file:///abs/path` or `s3://bucket/prefix`. */
  readonly uri: string;
  put(key: string, body: ObjectBody, options?: PutOptions): Promise<ObjectInfo>;
  /** Uploads (or, locally, moves when possible) a file from the local filesystem. */
  putFile(key: string, localPath: string, options?: PutOptions & { readonly move?: boolean }): Promise<ObjectInfo>;
  /**
   * Copies an object within the store, with its content type and metadata, replacing `toKey` when
   * it exists (atomically, as `put`). Used to publish an object written and verified under a
   * staging key. Locally a hard link when possible (no bytes rewritten); on S3 a server-side
   * CopyObject (larger objects than its 5 GiB limit are streamed through). Rejects with `not-found` when `fromKey` is absent.
   */
  copy(fromKey: string, toKey: string): Promise<ObjectInfo>;
  /** A stream of the object's bytes; rejects with a StorageError of kind `not-found` when absent. */
  get(key: string): Promise<Readable>;
  getBytes(key: string): Promise<Buffer>;
  /** undefined when absent. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Every object whose key starts with `prefix`, in lexicographic key order. */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Removes the object; absent objects are not an error. */
  delete(key: string): Promise<void>;
  /**
   * A local filesystem path for the key when the backend is local (so engines such as DuckDB
   * can read in place); undefined for remote backends.
   */
  localPath(key: string): string | undefined;
}
