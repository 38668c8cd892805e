import type { ConversationState, ConversationStore } from '@autocorp/assistant';

/** Conversations the chat endpoint keeps at most, unless configured otherwise. */
export const DEFAULT_MAX_CONVERSATIONS = 500;

/**
 * The chat endpoint's conversations, bounded: the least recently used one is dropped when a new one
 * would pass `max` (a follow-up on a dropped conversation is a 404 that says to start a new one).
 */
export class ConversationLru implements ConversationStore {
  private readonly entries = new Map<string, ConversationState>();

  constructor(readonly max: number = DEFAULT_MAX_CONVERSATIONS) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`max conversations must be a positive integer, got ${max}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): ConversationState | undefined {
    const conversation = this.entries.get(id);
    if (conversation) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(id);
      this.entries.set(id, conversation);
    }
    return conversation;
  }

  set(id: string, conversation: ConversationState): void {
    this.entries.delete(id);
    this.entries.set(id, conversation);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
