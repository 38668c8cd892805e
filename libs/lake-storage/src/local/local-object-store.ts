/**
 * The local filesystem backend. Longer than 300 lines because the ObjectStore contract (atomic and durable put,
 * copy, get, list, delete, sidecar checksums) is one class whose methods share its private write path; the
 * filesystem helpers live in durable-fs.ts and sidecar.ts.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { type FileHandle, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { bodyChunks } from '../body';
import { RESERVED_META_SEGMENT, validateKey, validatePrefix } from '../keys';
import { validateMetadata } from '../metadata';
import type { ObjectBody, ObjectInfo, ObjectStore, PutOptions } from '../object-store';
import { StorageError } from '../storage-error';
import {
  ensureDirectory,
  fsyncDirectory,
  linkOrCopyBeside,
  pruneEmptyFolders,
  retryOnVanishedFolder,
  temporaryPathFor,
} from './durable-fs';
import { errnoOf, isAbsent, storageErrorFromFs } from './fs-errors';
import { KeyLock } from './key-lock';
import {
  type Sidecar,
  hashLocalFile,
  readSidecar,
  removeSidecar,
  sidecarFor,
  sidecarMatch,
  writeSidecar,
} from './sidecar';
import { walkKeys } from './walk-keys';

/** Read size for streams out of the store and for hashing files. */
const READ_CHUNK_BYTES = 1024 * 1024;

interface WrittenFile {
  readonly stats: BigIntStats;
  readonly sha256: string;
}

/**
 * The lake on the local filesystem. Each object is a file at `<root>/<key>`; its sha256, content
 * type and metadata are kept in `<root>/.lake-meta/<key>.json`. Writes go to a hidden temporary
 * file in the target folder, are fsynced, renamed into place, and the folder is fsynced.
 */
export class LocalObjectStore implements ObjectStore {
  readonly uri: string;
  private readonly metaRoot: string;
  private readonly commits = new KeyLock();

  constructor(readonly root: string) {
    if (!path.isAbsolute(root)) {
      throw new StorageError(
        'invalid-uri',
        `The local lake folder "${root}" is not an absolute path. Pass an absolute path or a file:///abs/path URI.`,
      );
    }
    this.root = path.resolve(root);
    this.metaRoot = path.join(this.root, RESERVED_META_SEGMENT);
    this.uri = pathToFileURL(this.root).href;
  }

  localPath(key: string): string {
    return path.join(this.root, validateKey(key));
  }

  private sidecarPath(key: string): string {
    return path.join(this.metaRoot, `${key}.json`);
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    const filePath = this.localPath(key);
    validateMetadata(key, options.metadata);
    try {
      const { temp, handle } = await retryOnVanishedFolder(async () => {
        await ensureDirectory(path.dirname(filePath));
        const candidate = temporaryPathFor(filePath);
        return { temp: candidate, handle: await open(candidate, 'wx', 0o644) };
      });
      try {
        const written = await writeChunks(handle, bodyChunks(body));
        return await this.commit(key, temp, written, options);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      throw storageErrorFromFs(error, 'write', key, filePath);
    }
  }

  async putFile(
    key: string,
    localPath: string,
    options: PutOptions & { readonly move?: boolean } = {},
  ): Promise<ObjectInfo> {
    const filePath = this.localPath(key);
    validateMetadata(key, options.metadata);
    const source = path.resolve(localPath);
    const sourceStats = await stat(source).catch((error: unknown) => {
      if (isAbsent(error)) {
        throw new StorageError(
          'not-found',
          `Cannot store ${key}: the source file ${source} does not exist. Check the path.`,
          { cause: error },
        );
      }
      throw storageErrorFromFs(error, 'read the source of', key, source);
    });
    if (!sourceStats.isFile()) {
      throw new StorageError('not-found', `Cannot store ${key}: the source ${source} is not a regular file.`);
    }
    if (!options.move) return this.put(key, createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }), options);
    try {
      // Moving: hash the file where it is, make it durable, then rename it into place.
      const handle = await open(source, 'r+');
      let written: WrittenFile;
      try {
        const hash = createHash('sha256');
        for await (const chunk of handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, autoClose: false }))
          hash.update(chunk as Buffer);
        await handle.sync();
        written = { stats: await handle.stat({ bigint: true }), sha256: hash.digest('hex') };
      } finally {
        await handle.close();
      }
      return await this.commit(key, source, written, options);
    } catch (error) {
      if (errnoOf(error) === 'EXDEV') {
        const info = await this.put(key, createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }), options);
        await unlink(source);
        return info;
      }
      throw storageErrorFromFs(error, 'move a file into', key, filePath);
    }
  }

  async copy(fromKey: string, toKey: string): Promise<ObjectInfo> {
    const from = this.localPath(fromKey);
    const to = this.localPath(toKey);
    const source = await this.head(fromKey);
    if (source === undefined) {
      throw new StorageError(
        'not-found',
        `Cannot copy ${fromKey} to ${toKey}: ${fromKey} does not exist in ${this.uri}. Write it first.`,
      );
    }
    try {
      const temp = await retryOnVanishedFolder(() => linkOrCopyBeside(from, to));
      try {
        const stats = await stat(temp, { bigint: true });
        const sha256 = source.sha256 ?? (await hashLocalFile(temp));
        return await this.commit(
          toKey,
          temp,
          { stats, sha256 },
          {
            ...(source.contentType !== undefined ? { contentType: source.contentType } : {}),
            ...(source.metadata !== undefined ? { metadata: source.metadata } : {}),
          },
        );
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      throw storageErrorFromFs(error, 'copy into', toKey, to);
    }
  }

  /** Records the sidecar, renames the written file to its key and makes both durable. */
  private commit(key: string, fromPath: string, written: WrittenFile, options: PutOptions): Promise<ObjectInfo> {
    const filePath = path.join(this.root, key);
    const sidecar = sidecarFor(written.stats, written.sha256, options.contentType, options.metadata);
    // One commit per key at a time, so the sidecar in place always belongs to the file in place.
    // (Writers in other processes can still interleave; the sidecar then fails its inode check and
    // is ignored, so a checksum is lost but never wrong.)
    return this.commits.run(key, async () => {
      await writeSidecar(this.sidecarPath(key), sidecar);
      await retryOnVanishedFolder(async () => {
        await ensureDirectory(path.dirname(filePath));
        await rename(fromPath, filePath);
      });
      await fsyncDirectory(path.dirname(filePath));
      await fsyncDirectory(path.dirname(this.sidecarPath(key)));
      return infoFrom(key, written.stats, sidecar);
    });
  }

  async get(key: string): Promise<Readable> {
    const filePath = this.localPath(key);
    try {
      const handle = await open(filePath, 'r');
      const stats = await handle.stat();
      if (!stats.isFile()) {
        await handle.close();
        throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      }
      return handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
    } catch (error) {
      throw this.readError(error, key, filePath);
    }
  }

  async getBytes(key: string): Promise<Buffer> {
    const filePath = this.localPath(key);
    try {
      return await readFile(filePath);
    } catch (error) {
      throw this.readError(error, key, filePath);
    }
  }

  private readError(error: unknown, key: string, filePath: string): StorageError {
    if (isAbsent(error)) {
      return new StorageError(
        'not-found',
        `Object ${key} does not exist in ${this.uri} (no file ${filePath}). Check the key, or write it first.`,
        { cause: error },
      );
    }
    return storageErrorFromFs(error, 'read', key, filePath);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const filePath = this.localPath(key);
    let stats: BigIntStats;
    try {
      stats = await stat(filePath, { bigint: true });
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw storageErrorFromFs(error, 'inspect', key, filePath);
    }
    if (!stats.isFile()) return undefined;
    return infoFrom(key, stats, await this.checkedSidecar(key, filePath, stats));
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    validatePrefix(prefix);
    try {
      for await (const key of walkKeys(this.root, prefix)) {
        let stats: BigIntStats;
        try {
          stats = await stat(path.join(this.root, key), { bigint: true });
        } catch (error) {
          if (isAbsent(error)) continue; // deleted while listing
          throw error;
        }
        const sidecar = await this.checkedSidecar(key, path.join(this.root, key), stats);
        yield infoFrom(key, stats, sidecar, false);
      }
    } catch (error) {
      throw storageErrorFromFs(error, 'list', prefix === '' ? '(all keys)' : `prefix ${prefix}`, this.root);
    }
  }

  /**
   * The sidecar of `key` when it describes the file with `stats`: at once when inode, size and mtime
   * match; after hashing the file when only the size does (a copied lake folder), refreshing it.
   */
  private async checkedSidecar(key: string, filePath: string, stats: BigIntStats): Promise<Sidecar | undefined> {
    const sidecarPath = this.sidecarPath(key);
    const sidecar = await readSidecar(sidecarPath);
    if (sidecar === undefined) return undefined;
    const match = sidecarMatch(sidecar, stats);
    if (match !== 'same-size') return match === 'same-file' ? sidecar : undefined;
    return this.commits.run(key, async () => {
      // Under the key's lock, so a commit cannot replace the file or sidecar while it is checked.
      const [now, current] = await Promise.all([
        stat(filePath, { bigint: true }).catch(() => undefined),
        readSidecar(sidecarPath),
      ]);
      if (
        now === undefined ||
        current === undefined ||
        now.ino !== stats.ino ||
        now.mtimeNs !== stats.mtimeNs ||
        now.size !== stats.size
      )
        return undefined;
      if (sidecarMatch(current, now) === 'same-file') return current;
      if (sidecarMatch(current, now) === 'stale' || (await hashLocalFile(filePath)) !== current.sha256)
        return undefined;
      const refreshed: Sidecar = { ...current, ino: now.ino.toString(), mtimeNs: now.mtimeNs.toString() };
      // A read-only copy of a lake still answers; it hashes again next time.
      await writeSidecar(sidecarPath, refreshed).catch(() => undefined);
      return refreshed;
    });
  }

  async delete(key: string): Promise<void> {
    const filePath = this.localPath(key);
    await this.commits.run(key, async () => {
      try {
        await unlink(filePath);
      } catch (error) {
        // Absent, or a folder of other keys (EISDIR): either way there is no object to delete.
        if (!isAbsent(error)) throw storageErrorFromFs(error, 'delete', key, filePath);
      }
      await removeSidecar(this.sidecarPath(key));
    });
    await pruneEmptyFolders(path.dirname(filePath), this.root);
    await pruneEmptyFolders(path.dirname(this.sidecarPath(key)), this.metaRoot);
  }
}

/**
 * Streams chunks into the open temporary file, hashing as it goes; fsyncs before returning.
 * One write stays in flight while the next chunk is produced (read and hashed), so disk and CPU
 * overlap; chunks must not be modified after they are yielded.
 */
async function writeChunks(handle: FileHandle, chunks: AsyncIterable<Uint8Array>): Promise<WrittenFile> {
  let inFlight: Promise<void> = Promise.resolve();
  try {
    const hash = createHash('sha256');
    for await (const chunk of chunks) {
      hash.update(chunk);
      await inFlight;
      inFlight = writeFully(handle, chunk);
    }
    await inFlight;
    await handle.sync();
    return { stats: await handle.stat({ bigint: true }), sha256: hash.digest('hex') };
  } finally {
    await inFlight.catch(() => undefined);
    await handle.close();
  }
}

async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** ObjectInfo of a file; `details` adds metadata and content type (not given by `list`, as on S3). */
function infoFrom(key: string, stats: BigIntStats, sidecar: Sidecar | undefined, details = true): ObjectInfo {
  return {
    key,
    size: Number(stats.size),
    lastModified: new Date(Number(stats.mtimeMs)),
    ...(sidecar !== undefined
      ? {
          etag: sidecar.sha256,
          sha256: sidecar.sha256,
          ...(details && sidecar.metadata !== undefined ? { metadata: sidecar.metadata } : {}),
          ...(details && sidecar.contentType !== undefined ? { contentType: sidecar.contentType } : {}),
        }
      : {}),
  };
}
