export type EtlErrorKind =
  | 'unsupported-store'
  | 'unknown-job'
  | 'rules-failed'
  | 'source-unreadable'
  /** A raw file whose rows cannot all be accounted for (e.g. a quote left open swallowed lines). */
  | 'source-malformed'
  | 'state-corrupt'
  | 'write-failed'
  /** The job's transform SQL failed on its (readable) sources. */
  | 'transform-failed'
  | 'invalid-option'
  /** A job definition the local runner cannot run as written (e.g. a transform that reorders CSV rows). */
  | 'unsupported-job';

/** The one error type of @autocorp/etl. */
export class EtlError extends Error {
  override readonly name = 'EtlError';
  constructor(
    readonly kind: EtlErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
