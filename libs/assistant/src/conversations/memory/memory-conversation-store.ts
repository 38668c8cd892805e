import type { ConversationState } from '../../contract/provider';
import { type ConversationStore, DEFAULT_CONVERSATION_TTL_SECONDS, latestTurns } from '../conversation-store';

/** Conversations one process keeps at most, unless configured otherwise. */
export const DEFAULT_MAX_CONVERSATIONS = 500;

export interface MemoryConversationStoreOptions {
  /** Conversations kept at most; the least recently used is dropped first (default 500). */
  readonly max?: number;
  /** A conversation not used for this long is gone (default one day). */
  readonly ttlSeconds?: number;
  /** The clock (ms) the time to live is measured with. */
  readonly now?: () => number;
}

/**
 * Conversations in this process's memory, bounded: the least recently used one is dropped when a new one would
 * pass `max`, and one not used for `ttlSeconds` is gone. A restart forgets them all (the chat Lambda uses the
 * DynamoDB store instead).
 */
export class MemoryConversationStore implements ConversationStore {
  readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, { conversation: ConversationState; expiresAt: number }>();

  constructor(options: MemoryConversationStoreOptions = {}) {
    this.max = options.max ?? DEFAULT_MAX_CONVERSATIONS;
    if (!Number.isInteger(this.max) || this.max < 1)
      throw new RangeError(`max conversations must be a positive integer, got ${this.max}`);
    const ttlSeconds = options.ttlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS;
    if (!(ttlSeconds > 0)) throw new RangeError(`the conversation time to live must be positive, got ${ttlSeconds}`);
    this.ttlMs = ttlSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && entry.expiresAt > this.now();
  }

  get(id: string): Promise<ConversationState | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.resolve(undefined);
    // Map keeps insertion order: re-inserting makes it the most recently used.
    this.entries.delete(id);
    if (entry.expiresAt <= this.now()) return Promise.resolve(undefined);
    this.entries.set(id, { conversation: entry.conversation, expiresAt: this.now() + this.ttlMs });
    return Promise.resolve(entry.conversation);
  }

  set(conversation: ConversationState): Promise<void> {
    this.entries.delete(conversation.id);
    this.entries.set(conversation.id, { conversation: latestTurns(conversation), expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return Promise.resolve();
  }
}
