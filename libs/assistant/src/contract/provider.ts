import type { Answer, AnswerEvent, ProviderName, TimeRange } from './answer';
import type { AssistantTool } from './tool';

export type { ProviderName };

/** The things a question named, resolved against the data (ids and exact values, not the words used). */
export interface ResolvedEntities {
  /** Part SKUs. */
  readonly parts: readonly string[];
  /** Service ids. */
  readonly services: readonly string[];
  /** Part or service categories, as the data spells them. */
  readonly categories: readonly string[];
  /** Customer states (two-letter codes). */
  readonly states: readonly string[];
  readonly paymentMethods: readonly string[];
  readonly orderTypes: readonly string[];
  /** Order statuses ("Refunded"); absent is none. */
  readonly statuses?: readonly string[];
}

/** What the local provider understood a question as; follow-ups start from the last one. */
export interface ResolvedQuestion {
  readonly intent: string;
  readonly entities: ResolvedEntities;
  readonly timeRange?: TimeRange;
  /** A result size the question asked for ("top 5"). */
  readonly limit?: number;
}

export interface ConversationTurn {
  readonly question: string;
  readonly answer: Answer;
  /** Set by the local provider; opaque to (and left out by) the other providers. */
  readonly resolved?: ResolvedQuestion;
}

/** The turns of one conversation so far, oldest first. */
export interface ConversationState {
  readonly id: string;
  readonly turns: readonly ConversationTurn[];
}

export interface AnswerRequest {
  readonly question: string;
  readonly conversation: ConversationState;
  readonly tools: readonly AssistantTool[];
  readonly onEvent?: (event: AnswerEvent) => void;
  readonly signal?: AbortSignal;
}

/** Turns a question into an answer using only the given tools' results. */
export interface AnswerProvider {
  readonly name: ProviderName;
  /**
   * Answers one question. The resolved question it worked from (local provider) comes back on
   * `resolved` so the caller can store it in the conversation.
   */
  answer(request: AnswerRequest): Promise<Answer & { readonly resolved?: ResolvedQuestion }>;
}
