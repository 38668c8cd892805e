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
  // An unknown key is reported at its object: name the key itself.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [part, ...(issue?.path ?? []).map(String), ...(unknownKey !== undefined ? [unknownKey] : [])].join('.');
  const key = issue?.path[0] ?? unknownKey;
  const got =
    key !== undefined && value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)[String(key)]
      : undefined;
  throw new ApiError(
    'bad-request',
    `${field} is invalid: ${issue?.message ?? parsed.error.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}.`,
    field,
  );
}
