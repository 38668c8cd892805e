export type EtlJobsErrorKind =
  'unknown-job' | 'invalid-definition' | 'dependency-cycle' | 'invalid-environment' | 'glue-module';

/** The one error type of @autocorp/etl-jobs. */
export class EtlJobsError extends Error {
  override readonly name = 'EtlJobsError';
  constructor(
    readonly kind: EtlJobsErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
