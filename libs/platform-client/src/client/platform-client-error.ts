export type PlatformClientErrorKind =
  /** The API answered with an error (status and the API's error body kept). */
  | 'http'
  /** The API could not be reached. */
  | 'network'
  /** The API answered with something the contract does not allow (a client and server of different versions). */
  | 'invalid-response'
  /** A required input of the call is missing. */
  | 'invalid-input'
  /** The assistant's model provider failed while answering (`provider` names it). */
  | 'provider-failed'
  /** The caller aborted the request. */
  | 'cancelled';

/** The one error of @autocorp/platform-client. */
export class PlatformClientError extends Error {
  override readonly name = 'PlatformClientError';

  constructor(
    readonly kind: PlatformClientErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly field?: string | null;
      /** The kind of the API's error body (`not-found`, `local-only`...), when it answered one. */
      readonly apiKind?: string;
      readonly provider?: string;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** The provider that failed, for `provider-failed`. */
  get provider(): string | null {
    return this.details.provider ?? null;
  }

  /** The route has no backend on this profile (the API answered 501, kind `local-only`); the message says what to use instead. */
  get localOnly(): boolean {
    return this.kind === 'http' && this.details.apiKind === 'local-only';
  }

  /** The request field the API named as wrong (`query.limit`, `body.sql`...), for a 400. */
  get field(): string | null {
    return this.details.field ?? null;
  }
}
