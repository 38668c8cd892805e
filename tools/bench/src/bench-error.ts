export type BenchErrorKind =
  'invalid-argument' | 'unknown-case' | 'invalid-case-module' | 'command-failed' | 'timeout' | 'dataset-failed';

/** The one error type of the bench tool. */
export class BenchError extends Error {
  override readonly name = 'BenchError';
  constructor(
    readonly kind: BenchErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
