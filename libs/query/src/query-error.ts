export type QueryErrorKind =
  | 'unknown-table'
  | 'unknown-column'
  | 'invalid-query'
  | 'invalid-parameter'
  | 'refused'
  | 'execution-failed'
  | 'cancelled'
  | 'no-commit-as-of'
  | 'unknown-query';

/** The one error type of @autocorp/query. Messages name the table, column, parameter or statement and what to do. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly kind: QueryErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isQueryError(error: unknown, kind?: QueryErrorKind): error is QueryError {
  return error instanceof QueryError && (kind === undefined || error.kind === kind);
}
