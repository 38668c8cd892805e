import type { ChatInfo, ChatResult, ChatStreamEvent } from './chat-types';
import { platformClient } from './platform-api';

/** Asks a question through the platform client's streamed chat call; `onEvent` sees every event as it arrives. */
export function askChat(
  question: string,
  conversationId: string | undefined,
  onEvent: (event: ChatStreamEvent) => void,
  signal: AbortSignal,
): Promise<ChatResult> {
  return platformClient().chat({ question, ...(conversationId ? { conversationId } : {}) }, { onEvent, signal });
}

/** The provider in use, whether it is ready, and starter questions taken from the data. */
export function loadChatInfo(): Promise<ChatInfo> {
  return platformClient().chatInfo();
}
