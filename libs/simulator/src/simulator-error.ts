export type SimulatorErrorKind =
  'invalid-options' | 'database-unreachable' | 'source-not-ready' | 'statement-failed' | 'unexpected';

/** The one error type of @autocorp/simulator; `kind` says what went wrong. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  constructor(
    readonly kind: SimulatorErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
