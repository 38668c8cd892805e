import { parseRequestPart } from '@autocorp/platform-client';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Parses one part of a request (`params`, `query`, `body`) with its route schema; a 400 naming the first bad field. */
export function validatePart<S extends z.ZodType>(
  part: 'params' | 'query' | 'body',
  schema: S,
  value: unknown,
): z.output<S> {
  const parsed = parseRequestPart(part, schema, value);
  if (parsed.ok) return parsed.data;
  throw new ApiError('bad-request', parsed.issue.message, parsed.issue.field);
}
