import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveStateHome } from '@autocorp/config';
import { LocalObjectStore } from './local/local-object-store';
import type { ObjectStore } from './object-store';
import type { S3StoreOptions } from './s3/s3-client';
import { S3ObjectStore } from './s3/s3-object-store';
import { StorageError } from './storage-error';

export interface OpenObjectStoreOptions {
  /** Environment to read LAKE_URI, AUTOCORP_HOME and the AWS_* settings from; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder that a relative AUTOCORP_HOME is resolved against; default process.cwd(). */
  readonly cwd?: string;
  /** Connection settings for an s3:// lake. */
  readonly s3?: S3StoreOptions;
}

/**
 * The lake URI in force: the argument, else env LAKE_URI, else the lake folder of the state home
 * (AUTOCORP_HOME, default ./.autocorp) as a file:// URI.
 */
export function resolveLakeUri(uri?: string, options: OpenObjectStoreOptions = {}): string {
  const env = options.env ?? process.env;
  const chosen = uri ?? (env.LAKE_URI?.trim() ? env.LAKE_URI.trim() : undefined);
  if (chosen !== undefined) return chosen;
  return new LocalObjectStore(resolveStateHome(env, options.cwd ?? process.cwd()).lake).uri;
}

/** Opens the lake: `file:///abs/path` (or an absolute path) is local, `s3://bucket/prefix` is S3. */
export function openObjectStore(uri?: string, options: OpenObjectStoreOptions = {}): ObjectStore {
  const resolved = resolveLakeUri(uri, options);
  const where = uri !== undefined ? 'The lake URI' : 'LAKE_URI';
  if (resolved.startsWith('s3://')) return new S3ObjectStore(resolved, options.s3, options.env ?? process.env);
  if (resolved.startsWith('file:')) {
    let folder: string;
    try {
      folder = fileURLToPath(resolved);
    } catch (error) {
      throw new StorageError(
        'invalid-uri',
        `${where} "${resolved}" is not a valid file URI: write it as file:///absolute/path.`,
        { cause: error },
      );
    }
    return new LocalObjectStore(folder);
  }
  if (path.isAbsolute(resolved)) return new LocalObjectStore(resolved);
  throw new StorageError(
    'invalid-uri',
    `${where} "${resolved}" is not supported: use file:///absolute/path (or an absolute path) for a local lake, or s3://bucket/prefix for S3.`,
  );
}
