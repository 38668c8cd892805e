export type ConfigErrorKind =
  | 'invalid-profile'
  | 'invalid-home'
  | 'invalid-env'
  | 'config-file-unreadable'
  | 'config-file-invalid'
  | 'unknown-config-key'
  | 'invalid-config-value';

/** The one error type of @autocorp/config. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly kind: ConfigErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
