import { z } from 'zod';

export const API_ERROR_KINDS = [
  'bad-request',
  'not-found',
  'unavailable',
  'timeout',
  'internal',
  /** A service the API calls (the assistant's model provider) failed: 502. */
  'provider-failed',
  /** The route has no backend on this profile (the aws profile): 501, the message says what to use there instead. */
  'local-only',
] as const;

/** Every error answer of the API: what is wrong (`field` for bad input) and what to do. */
export const ApiErrorSchema = z.object({
  error: z.object({
    kind: z.enum(API_ERROR_KINDS),
    message: z.string(),
    /** The request field that is wrong, e.g. `query.limit`, `params.table`, `body.sql`. */
    field: z.string().nullable(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** The HTTP status of each error kind. */
export const API_ERROR_STATUS: Readonly<Record<ApiErrorKind, number>> = {
  'bad-request': 400,
  'not-found': 404,
  unavailable: 503,
  timeout: 504,
  internal: 500,
  'provider-failed': 502,
  'local-only': 501,
};
