export type AssistantErrorKind =
  | 'invalid-tool-input'
  | 'tool-failed'
  | 'tool-timeout'
  | 'refused'
  | 'unknown-tool'
  | 'unknown-document'
  | 'provider-failed'
  | 'conversation-store-failed'
  | 'publish-failed'
  | 'cancelled';

/** The one error type of @autocorp/assistant: `kind` says what went wrong, the message what to do. */
export class AssistantError extends Error {
  override readonly name = 'AssistantError';
  constructor(
    readonly kind: AssistantErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAssistantError(error: unknown): error is AssistantError {
  return error instanceof AssistantError;
}
