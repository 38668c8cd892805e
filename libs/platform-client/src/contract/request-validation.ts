import type { z } from 'zod';

/** A request part that does not fit its route's schema: the field that is wrong (`body.question`) and why. */
export interface RequestIssue {
  readonly field: string;
  readonly message: string;
  readonly cause?: unknown;
}

export type RequestPartResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly issue: RequestIssue };

/** Parses one part of a request (`params`, `query`, `body`) with its route schema, naming the first bad field. */
export function parseRequestPart<S extends z.ZodType>(
  part: 'params' | 'query' | 'body',
  schema: S,
  value: unknown,
): RequestPartResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  // An unknown key is reported at its object: name the key itself.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [part, ...(issue?.path ?? []).map(String), ...(unknownKey !== undefined ? [unknownKey] : [])].join('.');
  const key = issue?.path[0] ?? unknownKey;
  const got =
    key !== undefined && value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)[String(key)]
      : undefined;
  const message = `${field} is invalid: ${issue?.message ?? parsed.error.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}.`;
  return { ok: false, issue: { field, message } };
}

/** The JSON of a request body, or the issue naming `body` (missing, or not JSON). */
export function parseJsonBody(text: string): RequestPartResult<unknown> {
  if (text.trim() === '')
    return { ok: false, issue: { field: 'body', message: 'body is missing: send a JSON object.' } };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, issue: { field: 'body', message: `body is not JSON (${(cause as Error).message}).`, cause } };
  }
}
