import { PlatformClientError } from '@autocorp/platform-client';
import type { ChatAnswer, ChatStreamEvent } from '../platform/chat-types';

/** Why an answer did not arrive, in the words the page shows. */
export interface Failure {
  readonly kind: 'api-down' | 'provider' | 'bad-request' | 'conversation-gone' | 'other';
  readonly message: string;
}

/** One question and its answer as it streams in. */
export interface Turn {
  readonly id: number;
  readonly question: string;
  readonly status: 'streaming' | 'done' | 'failed';
  /** The answer's text so far (its deltas), the final text once the answer arrived. */
  readonly text: string;
  /** What the assistant is doing now ("Running search knowledge base…"), while it streams. */
  readonly activity: string | null;
  readonly answer: ChatAnswer | null;
  readonly failure: Failure | null;
  /** How many events streamed in so far (the page shows it as data-events, for the benchmark). */
  readonly events: number;
}

export function startTurn(id: number, question: string): Turn {
  return { id, question, status: 'streaming', text: '', activity: null, answer: null, failure: null, events: 0 };
}

/** A turn after one streamed event. */
export function applyEvent(before: Turn, event: ChatStreamEvent): Turn {
  const turn = { ...before, events: before.events + 1 };
  switch (event.type) {
    case 'text-delta':
      return { ...turn, text: turn.text + event.text, activity: null };
    case 'tool-call':
      return { ...turn, activity: `Running ${event.tool.replace(/[-_]/g, ' ')}…` };
    case 'tool-result':
      return { ...turn, activity: event.summary };
    case 'answer':
      return { ...turn, status: 'done', text: event.answer.text, activity: null, answer: event.answer };
    case 'error':
      return {
        ...turn,
        status: 'failed',
        activity: null,
        failure: { kind: 'provider', message: `The ${event.provider} provider failed: ${event.message}` },
      };
  }
}

/**
 * The failure of a chat call that threw: the API down (what to run), the provider failing (which and
 * why: the API's message names it), a conversation the server no longer knows, or the API's own words.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof PlatformClientError) {
    if (error.kind === 'network')
      return { kind: 'api-down', message: `The platform API is not answering (${error.message}).` };
    if (error.kind === 'provider-failed' || error.status === 502) return { kind: 'provider', message: error.message };
    if (error.status === 404)
      return {
        kind: 'conversation-gone',
        message: `${error.message} Ask again: the next question starts a new conversation.`,
      };
    if (error.status === 400) return { kind: 'bad-request', message: error.message };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
