import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorKind } from '@autocorp/platform-client';

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
    return API_ERROR_STATUS[this.kind];
  }

  body(): ApiErrorBody {
    return { error: { kind: this.kind, message: this.message, field: this.field } };
  }
}
