export type TransferErrorKind =
  | 'not-csv'
  | 'wrong-header'
  | 'unknown-table'
  | 'unterminated-quote'
  | 'checksum-mismatch'
  | 'source-missing'
  | 'invalid-manifest';

/** The one error type of @autocorp/csv-transfer. Messages name the file and what to do. */
export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    readonly kind: TransferErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
