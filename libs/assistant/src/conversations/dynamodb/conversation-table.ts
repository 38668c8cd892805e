/**
 * The DynamoDB table of the chat conversations, one owner for its shape: the CDK chat stack creates it (importing
 * this module through `@autocorp/assistant/conversation-table`), DynamoConversationStore reads and writes it.
 */
export const CONVERSATION_TABLE = {
  /** The partition key (string): the conversation id the chat endpoint returns. */
  partitionKey: 'conversationId',
  /** The turns so far, as JSON (string). */
  turns: 'turns',
  /** Epoch seconds after which the conversation is gone (number): the table's TTL attribute. */
  ttlAttribute: 'expiresAt',
} as const;
