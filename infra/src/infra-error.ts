export type InfraErrorKind =
  'invalid-environment' | 'invalid-config' | 'invalid-job-graph' | 'invalid-query' | 'invalid-override';

/** The one error type of @autocorp/infra. Every message names what is wrong and what to do. */
export class InfraError extends Error {
  override readonly name = 'InfraError';
  constructor(
    readonly kind: InfraErrorKind,
    message: string,
  ) {
    super(message);
  }
}
