import type { z } from 'zod';
import { ApiError } from './api-error';

/** Parses one part of a request (`params`, `query`, `body`) with its route schema; a 400 naming the first bad field. */
export function validatePart<S extends z.ZodType>(
  part: 'params' | 'query' | 'body',
  schema: S,
  value: unknown,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [part, ...(issue?.path ?? []).map(String)].join('.');
  const got =
    issue && issue.path.length > 0 && value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)[String(issue.path[0])]
      : undefined;
  throw new ApiError(
    'bad-request',
    `${field} is invalid: ${issue?.message ?? parsed.error.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}.`,
    field,
  );
}
