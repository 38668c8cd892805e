import type { ApiErrorBody, ApiErrorKind } from '@autocorp/platform-client';

const STATUS: Record<ApiErrorKind, number> = {
  'bad-request': 400,
  'not-found': 404,
  unavailable: 503,
  timeout: 504,
  internal: 500,
  'provider-failed': 502,
  'local-only': 501,
};

/** The API's one error: its kind sets the HTTP status; `field` names the bad request field (`query.limit`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly field: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return STATUS[this.kind];
  }

  body(): ApiErrorBody {
    return { error: { kind: this.kind, message: this.message, field: this.field } };
  }
}
