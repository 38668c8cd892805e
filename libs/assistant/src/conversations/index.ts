export {
  type ConversationStore,
  DEFAULT_CONVERSATION_TTL_SECONDS,
  MAX_STORED_TURNS,
  latestTurns,
} from './conversation-store';
export {
  DEFAULT_MAX_CONVERSATIONS,
  MemoryConversationStore,
  type MemoryConversationStoreOptions,
} from './memory/memory-conversation-store';
export { CONVERSATION_TABLE } from './dynamodb/conversation-table';
export {
  DynamoConversationStore,
  type DynamoConversationStoreOptions,
  MAX_TURNS_BYTES,
  turnsJson,
} from './dynamodb/dynamodb-conversation-store';
