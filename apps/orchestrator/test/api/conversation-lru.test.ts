import { describe, expect, it } from 'vitest';
import { ConversationLru } from '../../src/api/handlers/chat/conversation-lru';

const conversation = (id: string) => ({ id, turns: [] });

describe('ConversationLru', () => {
  it('keeps at most `max` conversations, dropping the least recently used (a read counts as a use)', () => {
    const lru = new ConversationLru(2);
    lru.set('a', conversation('a'));
    lru.set('b', conversation('b'));
    expect(lru.get('a')).toEqual(conversation('a')); // a is now the most recently used
    lru.set('c', conversation('c'));
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    lru.set('a', { id: 'a', turns: [] }); // an update is a use too
    lru.set('d', conversation('d'));
    expect([lru.has('a'), lru.has('c'), lru.has('d'), lru.size]).toEqual([true, false, true, 2]);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new ConversationLru(0)).toThrow(/positive integer/);
  });
});
