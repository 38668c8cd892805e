export type CdcErrorKind =
  | 'wal-level'
  | 'slot-invalidated'
  | 'slot-in-use'
  | 'slot-missing'
  | 'table-missing'
  | 'unchanged-toast'
  | 'protocol'
  | 'state-corrupt'
  | 'invalid-option'
  | 'replication-failed'
  | 'staging-failed';

/** The one error type of @autocorp/cdc; `kind` says what is wrong, the message says what to do. */
export class CdcError extends Error {
  override readonly name = 'CdcError';
  constructor(
    readonly kind: CdcErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
