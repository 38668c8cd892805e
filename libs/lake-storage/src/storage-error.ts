export type StorageErrorKind =
  | 'not-found'
  | 'no-bucket'
  | 'invalid-uri'
  | 'invalid-key'
  | 'invalid-metadata'
  | 'key-conflict'
  | 'access-denied'
  | 'io';

/** The one error type of @autocorp/lake-storage. Messages name the URI or key and what to do. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStorageError(error: unknown, kind?: StorageErrorKind): error is StorageError {
  return error instanceof StorageError && (kind === undefined || error.kind === kind);
}
