export type DuckDbErrorKind =
  /** A name cannot be written as a quoted identifier (empty, or holds a NUL character). */
  | 'invalid-identifier'
  /** A value cannot be written as a SQL literal (a NUL character, a non-finite number, an unsupported type). */
  | 'invalid-literal'
  /** An instance option is out of range (threads, memory limit, allowed directories). */
  | 'invalid-option'
  /** DuckDB refused to open the instance or to apply a setting. */
  | 'open-failed';

/** The one error type of @autocorp/duckdb. Messages name the value or option that is wrong and what to do. */
export class DuckDbError extends Error {
  override readonly name = 'DuckDbError';
  constructor(
    readonly kind: DuckDbErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDuckDbError(error: unknown, kind?: DuckDbErrorKind): error is DuckDbError {
  return error instanceof DuckDbError && (kind === undefined || error.kind === kind);
}
