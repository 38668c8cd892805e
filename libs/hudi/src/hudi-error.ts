export type HudiErrorKind =
  | 'not-a-table'
  | 'table-exists'
  | 'unsupported-version'
  | 'unsupported-table'
  | 'table-locked'
  | 'invalid-option'
  | 'invalid-config'
  | 'schema-mismatch'
  | 'corrupt-timeline'
  | 'invalid-record'
  | 'storage'
  | 'write-failed';

/** The one error type of @autocorp/hudi. `kind` says what went wrong; the message names the table, instant or option and what to do. */
export class HudiError extends Error {
  override readonly name = 'HudiError';
  constructor(
    readonly kind: HudiErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
