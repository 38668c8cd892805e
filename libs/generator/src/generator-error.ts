export type GeneratorErrorKind =
  | 'invalid-scale'
  | 'invalid-seed'
  | 'invalid-target'
  | 'invalid-output'
  | 'missing-pool'
  | 'tables-not-empty'
  | 'load-failed'
  | 'write-failed'
  | 'invalid-manifest';

/** The one error type of @autocorp/generator; `kind` says what went wrong. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  constructor(
    readonly kind: GeneratorErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
