import type { ConversationState } from '../contract/provider';

/**
 * Where the assistant keeps conversations by id, so that a follow-up finds the turns before it. Backends:
 * `memory/` (one process: the platform API, tests) and `dynamodb/` (the chat Lambda, shared by every execution
 * environment). A conversation not used for its time to live is gone: `get` answers undefined.
 */
export interface ConversationStore {
  get(id: string, options?: { readonly signal?: AbortSignal }): Promise<ConversationState | undefined>;
  set(conversation: ConversationState, options?: { readonly signal?: AbortSignal }): Promise<void>;
}

/** How long a conversation is kept after its last turn unless configured otherwise: one day. */
export const DEFAULT_CONVERSATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * The turns a store keeps of one conversation (the latest): follow-ups read the last turns only, and a stored
 * conversation must stay small (a DynamoDB item holds at most 400 KB).
 */
export const MAX_STORED_TURNS = 20;

/** The conversation with at most MAX_STORED_TURNS turns, the latest. */
export function latestTurns(conversation: ConversationState, max = MAX_STORED_TURNS): ConversationState {
  return conversation.turns.length <= max
    ? conversation
    : { id: conversation.id, turns: conversation.turns.slice(-max) };
}
