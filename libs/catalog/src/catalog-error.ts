export type CatalogErrorKind =
  'not-found' | 'already-exists' | 'invalid-input' | 'corrupt-state' | 'not-a-table' | 'unreadable-file' | 'backend';

/** The one error type of @autocorp/catalog. Messages name the database, table or file and what to do. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(
    readonly kind: CatalogErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCatalogError(error: unknown, kind?: CatalogErrorKind): error is CatalogError {
  return error instanceof CatalogError && (kind === undefined || error.kind === kind);
}
