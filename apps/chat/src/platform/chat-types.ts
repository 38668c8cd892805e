/** The chat contract's shapes as this app names them (the contract is @autocorp/platform-client's). */
export type {
  ChatAnswer,
  ChatEvent as ChatStreamEvent,
  ChatInfo,
  ChatProvider as ProviderName,
  ChatResult,
} from '@autocorp/platform-client';
