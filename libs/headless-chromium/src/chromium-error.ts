export type ChromiumErrorKind = 'not-installed' | 'launch-failed';

/** The one error type of @autocorp/headless-chromium. */
export class ChromiumError extends Error {
  override readonly name = 'ChromiumError';
  constructor(
    readonly kind: ChromiumErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
