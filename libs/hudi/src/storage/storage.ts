/** One entry of a directory listing. */
export interface StorageEntry {
  /** Name inside the listed folder (no slashes). */
  name: string;
  isDirectory: boolean;
  /** Bytes; 0 for folders. */
  size: number;
}

/**
 * The few file operations the table engine needs. Paths are relative to the storage root
 * (the table base path) and use `/`. Kept small so an S3-backed implementation can be added.
 */
export interface Storage {
  /** Absolute location of the root as DuckDB and Hudi see it (a local path or an `s3://` URI). */
  readonly root: string;
  /** Absolute location of a relative path, for DuckDB `read_parquet` / `COPY ... TO`. */
  locate(path: string): string;
  /** Entries of a folder; an empty list when the folder does not exist. */
  list(path: string): Promise<StorageEntry[]>;
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<Buffer>;
  size(path: string): Promise<number>;
  /** Writes the whole file so that readers see either nothing or all of it (temp file, fsync, rename). */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /** Writes a file without durability guarantees (for markers and scratch files). */
  write(path: string, data: Uint8Array | string): Promise<void>;
  /** Creates the file, with its whole content at once, only if it does not exist; false when it already exists. */
  createExclusive(path: string, data: Uint8Array | string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; true when it existed. */
  delete(path: string): Promise<boolean>;
  /** Deletes a folder and everything below it (no error when absent). */
  deleteFolder(path: string): Promise<void>;
  makeFolder(path: string): Promise<void>;
}
