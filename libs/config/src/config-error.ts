export type ConfigErrorKind = 'invalid-profile' | 'invalid-home' | 'invalid-env';

/** The one error type of @autocorp/config. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly kind: ConfigErrorKind,
    message: string,
  ) {
    super(message);
  }
}
