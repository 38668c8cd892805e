import { CatalogError } from '@autocorp/catalog';
import { QueryError } from '@autocorp/query';
import { ApiError } from './api-error';

/** A library error as the API answers it: bad queries are 400, unknown things 404; undefined leaves it a 500. */
export function classifyError(error: unknown): ApiError | undefined {
  if (error instanceof QueryError) {
    switch (error.kind) {
      case 'unknown-query':
        return new ApiError('not-found', error.message, 'params.name', { cause: error });
      case 'no-commit-as-of':
        return new ApiError('bad-request', error.message, 'query.asOf', { cause: error });
      case 'cancelled':
        return new ApiError('unavailable', error.message, null, { cause: error });
      case 'execution-failed':
        return undefined;
      default:
        return new ApiError('bad-request', error.message, null, { cause: error });
    }
  }
  if (error instanceof CatalogError && error.kind === 'not-found')
    return new ApiError('not-found', error.message, null, { cause: error });
  return undefined;
}
