import type { ApiErrorKind, ChatProvider } from '@autocorp/platform-client';
import { isAssistantError } from '../assistant-error';

/** A failure of a chat answer as the chat API answers it: the contract's error kind (so its status) and message. */
export interface ChatFailure {
  readonly kind: ApiErrorKind;
  readonly message: string;
}

/** How the chat API (the platform API's and the chat function's) answers an assistant failure: the provider's is a 502. */
export function chatFailure(error: unknown, provider: ChatProvider): ChatFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!isAssistantError(error)) return { kind: 'internal', message: `The assistant failed: ${message}` };
  switch (error.kind) {
    case 'provider-failed':
      return { kind: 'provider-failed', message };
    case 'tool-timeout':
      return { kind: 'timeout', message };
    case 'cancelled':
      return { kind: 'unavailable', message: `The question was cancelled (${provider} provider).` };
    default:
      return { kind: 'internal', message };
  }
}
