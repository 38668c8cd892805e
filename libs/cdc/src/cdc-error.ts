export type CdcErrorKind =
  | 'wal-level'
  | 'slot-invalidated'
  | 'slot-in-use'
  | 'slot-missing'
  | 'table-missing'
  | 'table-errored'
  | 'unchanged-toast'
  | 'protocol'
  | 'state-corrupt'
  | 'invalid-option'
  | 'replication-failed'
  | 'staging-failed';

export interface CdcErrorOptions {
  readonly cause?: unknown;
  /** What to do about it, on its own (the message says it too), e.g. for a table's `errored` state. */
  readonly solution?: string;
  /** The captured table the error is about, when it is about one: CDC records that table as `errored`. */
  readonly table?: string;
}

/** The one error type of @autocorp/cdc; `kind` says what is wrong, the message says what to do. */
export class CdcError extends Error {
  override readonly name = 'CdcError';
  readonly solution: string | undefined;
  readonly table: string | undefined;
  constructor(
    readonly kind: CdcErrorKind,
    message: string,
    options: CdcErrorOptions = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.solution = options.solution;
    this.table = options.table;
  }
}
