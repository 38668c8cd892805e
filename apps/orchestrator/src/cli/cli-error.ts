export type CliErrorKind = 'usage' | 'unknown-command' | 'pipeline-failed' | 'unreadable-input' | 'build-stale';

/** The one error type of the orchestrator app. `usage` errors exit with 2, the others with 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly kind: CliErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
