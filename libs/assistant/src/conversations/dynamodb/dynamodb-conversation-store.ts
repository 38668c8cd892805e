import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { AssistantError } from '../../assistant-error';
import type { ConversationState, ConversationTurn } from '../../contract/provider';
import { type ConversationStore, DEFAULT_CONVERSATION_TTL_SECONDS, latestTurns } from '../conversation-store';
import { CONVERSATION_TABLE } from './conversation-table';

/** What one item may hold of turns (JSON bytes): DynamoDB's item limit is 400 KB, the rest is left for the key. */
export const MAX_TURNS_BYTES = 380_000;

export interface DynamoConversationStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** A conversation not used for this long is gone (default one day); written as the item's TTL attribute. */
  readonly ttlSeconds?: number;
  /** The clock (ms). */
  readonly now?: () => number;
}

/** The turns as the item's JSON, the oldest dropped (then the last one's result table) until it fits the item. */
export function turnsJson(turns: readonly ConversationTurn[]): string {
  let kept = [...turns];
  let json = JSON.stringify(kept);
  while (Buffer.byteLength(json) > MAX_TURNS_BYTES && kept.length > 1) {
    kept = kept.slice(1);
    json = JSON.stringify(kept);
  }
  if (Buffer.byteLength(json) > MAX_TURNS_BYTES)
    json = JSON.stringify(kept.map((t) => ({ ...t, answer: { ...t.answer, table: undefined } })));
  return json;
}

/**
 * Conversations in a DynamoDB table (CONVERSATION_TABLE), so that a follow-up finds its conversation whichever
 * Lambda execution environment answers it. Reads are strongly consistent; each turn rewrites the item with a new
 * expiry (the table's TTL attribute). DynamoDB deletes expired items within days, so `get` also treats an item
 * past its expiry as gone.
 */
export class DynamoConversationStore implements ConversationStore {
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: DynamoConversationStoreOptions) {
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS;
    if (!(this.ttlSeconds > 0))
      throw new RangeError(`the conversation time to live must be positive, got ${this.ttlSeconds}`);
    this.now = options.now ?? Date.now;
  }

  private failed(operation: string, error: unknown): AssistantError {
    return new AssistantError(
      'conversation-store-failed',
      `DynamoDB ${operation} on the conversation table ${this.options.tableName} failed: ${
        error instanceof Error ? error.message : String(error)
      }. Check the table name and that the role may call dynamodb:${operation} on it.`,
      { cause: error },
    );
  }

  async get(id: string, options: { readonly signal?: AbortSignal } = {}): Promise<ConversationState | undefined> {
    let item;
    try {
      ({ Item: item } = await this.options.client.send(
        new GetItemCommand({
          TableName: this.options.tableName,
          Key: { [CONVERSATION_TABLE.partitionKey]: { S: id } },
          ConsistentRead: true,
        }),
        options.signal ? { abortSignal: options.signal } : {},
      ));
    } catch (error) {
      throw this.failed('GetItem', error);
    }
    if (!item) return undefined;
    const expiresAt = Number(item[CONVERSATION_TABLE.ttlAttribute]?.N);
    if (!(expiresAt * 1000 > this.now())) return undefined;
    const json = item[CONVERSATION_TABLE.turns]?.S;
    try {
      const turns = JSON.parse(json ?? '') as unknown;
      if (!Array.isArray(turns)) throw new Error(`"${CONVERSATION_TABLE.turns}" is not a list of turns`);
      return { id, turns: turns as ConversationTurn[] };
    } catch (error) {
      throw new AssistantError(
        'conversation-store-failed',
        `The conversation ${id} in table ${this.options.tableName} is unreadable (${
          error instanceof Error ? error.message : String(error)
        }); start a new conversation (leave conversationId out).`,
        { cause: error },
      );
    }
  }

  async set(conversation: ConversationState, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    const expiresAt = Math.floor(this.now() / 1000) + this.ttlSeconds;
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            [CONVERSATION_TABLE.partitionKey]: { S: conversation.id },
            [CONVERSATION_TABLE.turns]: { S: turnsJson(latestTurns(conversation).turns) },
            [CONVERSATION_TABLE.ttlAttribute]: { N: String(expiresAt) },
          },
        }),
        options.signal ? { abortSignal: options.signal } : {},
      );
    } catch (error) {
      throw this.failed('PutItem', error);
    }
  }
}
