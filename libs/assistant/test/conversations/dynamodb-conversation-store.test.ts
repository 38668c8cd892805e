import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONVERSATION_TABLE,
  DynamoConversationStore,
  MAX_STORED_TURNS,
  MAX_TURNS_BYTES,
} from '../../src/conversations/index';
import { type ScriptedDynamoDb, startScriptedDynamoDb } from '../../testing/scripted-dynamodb-server';
import { conversationOf } from './conversations';

const TABLE = 'autocorp-dev-chat-conversations';
let dynamo: ScriptedDynamoDb;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startScriptedDynamoDb({ [TABLE]: CONVERSATION_TABLE.partitionKey });
  client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynamo.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

describe('DynamoConversationStore against the DynamoDB JSON protocol', () => {
  it('writes a conversation as one item with its TTL attribute and reads it back with a consistent read', async () => {
    let now = Date.UTC(2026, 0, 5, 12);
    const store = new DynamoConversationStore({ client, tableName: TABLE, ttlSeconds: 3600, now: () => now });
    const conversation = conversationOf('c-1', 3);
    await store.set(conversation);
    const item = dynamo.tables.get(TABLE)?.get('c-1');
    expect(item?.[CONVERSATION_TABLE.partitionKey]).toEqual({ S: 'c-1' });
    expect(item?.[CONVERSATION_TABLE.ttlAttribute]).toEqual({ N: String(now / 1000 + 3600) });
    expect(JSON.parse(String(item?.[CONVERSATION_TABLE.turns]?.['S']))).toEqual(conversation.turns);

    // Another store (another Lambda execution environment) over the same table sees it.
    const other = new DynamoConversationStore({ client, tableName: TABLE, ttlSeconds: 3600, now: () => now });
    expect(await other.get('c-1')).toEqual(conversation);
    const get = JSON.parse(dynamo.requests.at(-1)?.body ?? '{}') as Record<string, unknown>;
    expect(get).toEqual({
      TableName: TABLE,
      Key: { [CONVERSATION_TABLE.partitionKey]: { S: 'c-1' } },
      ConsistentRead: true,
    });
    expect(await other.get('never-asked')).toBeUndefined();

    // DynamoDB deletes expired items within days: an item past its expiry is gone already.
    now += 3600_000;
    expect(dynamo.tables.get(TABLE)?.has('c-1')).toBe(true);
    expect(await other.get('c-1')).toBeUndefined();
  });

  it(`keeps the latest ${MAX_STORED_TURNS} turns, and fewer when they would pass the item size limit`, async () => {
    const store = new DynamoConversationStore({ client, tableName: TABLE });
    const long = conversationOf('c-long', MAX_STORED_TURNS + 3);
    await store.set(long);
    expect((await store.get('c-long'))?.turns).toEqual(long.turns.slice(3));

    // Turns with large result tables: only the latest that fit in the item are kept.
    const count = 12;
    const big = conversationOf('c-big', count, 4000);
    await store.set(big);
    const kept = (await store.get('c-big'))?.turns ?? [];
    // The most latest turns whose JSON fits the item, computed from the turns themselves.
    const fits = (n: number) => Buffer.byteLength(JSON.stringify(big.turns.slice(count - n))) <= MAX_TURNS_BYTES;
    const expected = Array.from({ length: count }, (_, i) => count - i).find(fits) ?? 1;
    expect(expected).toBeLessThan(count);
    expect(kept.length).toBe(expected);
    expect(kept).toEqual(big.turns.slice(count - kept.length));
    expect(String(dynamo.tables.get(TABLE)?.get('c-big')?.[CONVERSATION_TABLE.turns]?.['S']).length).toBeLessThan(
      MAX_TURNS_BYTES,
    );
  });

  it('names the table and the permission when DynamoDB refuses', async () => {
    const store = new DynamoConversationStore({ client, tableName: 'no-such-table' });
    await expect(store.get('c-1')).rejects.toMatchObject({
      kind: 'conversation-store-failed',
      message: expect.stringMatching(/GetItem on the conversation table no-such-table failed: .*not found/),
      cause: expect.objectContaining({ name: 'ResourceNotFoundException' }),
    });
    await expect(store.set(conversationOf('c-2', 1))).rejects.toMatchObject({
      message: expect.stringContaining('dynamodb:PutItem'),
    });
  });
});
