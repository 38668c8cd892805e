import { StorageError } from '../storage-error';

export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** True for the errors that mean "there is no object here". */
export function isAbsent(error: unknown): boolean {
  const code = errnoOf(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Wraps a filesystem error in a StorageError that names the key, the path and what to do. */
export function storageErrorFromFs(error: unknown, action: string, key: string, filePath: string): StorageError {
  if (error instanceof StorageError) return error;
  const code = errnoOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StorageError(
      'access-denied',
      `Cannot ${action} ${key} at ${filePath}: ${detail}. Give this user write access to the lake folder or point LAKE_URI elsewhere.`,
      { cause: error },
    );
  }
  if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new StorageError(
      'key-conflict',
      `Cannot ${action} ${key} at ${filePath}: a key and a folder of keys have the same name on the local filesystem (${code}). Use keys where no key is a prefix folder of another.`,
      { cause: error },
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StorageError(
      'io',
      `Cannot ${action} ${key} at ${filePath}: the disk is full (${code}). Free space or move the lake (LAKE_URI / AUTOCORP_HOME).`,
      { cause: error },
    );
  }
  return new StorageError('io', `Cannot ${action} ${key} at ${filePath}: ${detail}. Check the lake folder and retry.`, {
    cause: error,
  });
}
