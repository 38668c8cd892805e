import { describe, expect, it } from 'vitest';
import { MAX_STORED_TURNS, MemoryConversationStore } from '../../src/conversations/index';
import type { ConversationState } from '../../src/index';
import { conversationOf } from './conversations';

const empty = (id: string): ConversationState => ({ id, turns: [] });

describe('MemoryConversationStore', () => {
  it('keeps at most `max` conversations, dropping the least recently used (a read counts as a use)', async () => {
    const store = new MemoryConversationStore({ max: 2 });
    await store.set(empty('a'));
    await store.set(empty('b'));
    expect(await store.get('a')).toEqual(empty('a')); // a is now the most recently used
    await store.set(empty('c'));
    expect([store.has('a'), store.has('b'), store.has('c')]).toEqual([true, false, true]);
    await store.set(empty('a')); // an update is a use too
    await store.set(empty('d'));
    expect([store.has('a'), store.has('c'), store.has('d'), store.size]).toEqual([true, false, true, 2]);
  });

  it('forgets a conversation not used for its time to live (the clock is injected)', async () => {
    let now = 1_000_000;
    const store = new MemoryConversationStore({ ttlSeconds: 60, now: () => now });
    await store.set(empty('a'));
    now += 59_000;
    expect(await store.get('a')).toEqual(empty('a')); // a read renews it
    now += 59_000;
    expect(await store.get('a')).toEqual(empty('a'));
    now += 60_000;
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it(`keeps the latest ${MAX_STORED_TURNS} turns of a conversation`, async () => {
    const store = new MemoryConversationStore();
    const long = conversationOf('long', MAX_STORED_TURNS + 5);
    await store.set(long);
    expect((await store.get('long'))?.turns).toEqual(long.turns.slice(5));
  });

  it('refuses a bound that is not a positive integer and a time to live that is not positive', () => {
    expect(() => new MemoryConversationStore({ max: 0 })).toThrow(/positive integer/);
    expect(() => new MemoryConversationStore({ ttlSeconds: 0 })).toThrow(/time to live must be positive/);
  });
});
