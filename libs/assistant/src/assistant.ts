import { randomUUID } from 'node:crypto';
import type { QueryExecutor } from '@autocorp/query';
import { AssistantError } from './assistant-error';
import type { ConversationStore } from './conversations/conversation-store';
import { MemoryConversationStore } from './conversations/memory/memory-conversation-store';
import type { Answer, AnswerEvent } from './contract/answer';
import type { AnswerProvider, ConversationState, ConversationTurn } from './contract/provider';
import type { AssistantTool } from './contract/tool';
import { maskContactDetails } from './guardrails/contact-details';
import { redactAnswer } from './guardrails/redact-answer';
import { KnowledgeBase } from './kb/knowledge-base';
import { LocalProvider } from './providers/local/local-provider';
import { LexicalRetriever } from './retrieval/lexical/lexical-retriever';
import type { Retriever } from './retrieval/retriever';
import { createAssistantTools } from './tools/create-tools';

/** How old the knowledge base may be before a question refreshes it. */
export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

/** What a provider factory gets: the knowledge base, the retriever and the tools the assistant made. */
export interface AssistantParts {
  readonly executor: QueryExecutor;
  readonly kb: KnowledgeBase;
  readonly retriever: Retriever;
  readonly tools: readonly AssistantTool[];
}

export interface AssistantOptions {
  readonly executor: QueryExecutor;
  /** The answerer: an instance, or a factory given the assistant's parts; default the `local` provider. */
  readonly provider?: AnswerProvider | ((parts: AssistantParts) => AnswerProvider);
  /** Ranking for the search tool; default lexical over the knowledge base (given the knowledge base). */
  readonly retriever?: (kb: KnowledgeBase) => Retriever;
  /** Rows and time per tool call (local provider). */
  readonly rowCap?: number;
  readonly timeoutMs?: number;
  /**
   * The knowledge base is refreshed (a signature query over the curated tables, then only what
   * changed is read) before a question when its last refresh is older than this; default 30 s.
   * 0 refreshes before every question.
   */
  readonly refreshIntervalMs?: number;
  /** The clock for refreshIntervalMs (ms). */
  readonly now?: () => number;
  /** Where conversations are kept (`conversations/`); default in this process's memory (MemoryConversationStore). */
  readonly conversations?: ConversationStore;
}

export interface AskOptions {
  /** Continue this conversation; a new one is started when it is not given. */
  readonly conversationId?: string;
  readonly onEvent?: (event: AnswerEvent) => void;
  readonly signal?: AbortSignal;
}

export interface AskResult {
  readonly conversationId: string;
  readonly answer: Answer;
}

/** The entry point the chat endpoint calls: questions in, grounded answers (streamed as events) out. */
export interface Assistant {
  readonly kb: KnowledgeBase;
  readonly provider: AnswerProvider;
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /** The conversation kept under `id`; undefined when it is not known or has expired. */
  conversation(id: string, options?: { readonly signal?: AbortSignal }): Promise<ConversationState | undefined>;
}

/** Builds the knowledge base over the executor's curated tables and an assistant on it. */
export async function createAssistant(options: AssistantOptions): Promise<Assistant> {
  const now = options.now ?? Date.now;
  const kb = await KnowledgeBase.build(options.executor);
  let refreshedAt = now();
  const retriever = options.retriever ? options.retriever(kb) : new LexicalRetriever(kb);
  const tools = createAssistantTools({ executor: options.executor, kb, retriever });
  const parts: AssistantParts = { executor: options.executor, kb, retriever, tools };
  const provider =
    typeof options.provider === 'function'
      ? options.provider(parts)
      : (options.provider ??
        new LocalProvider({
          kb,
          dialect: options.executor.dialect,
          ...(options.rowCap !== undefined ? { rowCap: options.rowCap } : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        }));
  const conversations: ConversationStore = options.conversations ?? new MemoryConversationStore();

  return {
    kb,
    provider,
    conversation: (id, conversationOptions) => conversations.get(id, conversationOptions),
    async ask(question, askOptions = {}) {
      if (typeof question !== 'string' || question.trim() === '')
        throw new AssistantError('invalid-tool-input', 'The question is empty; ask something about the data.');
      const id = askOptions.conversationId ?? randomUUID();
      const signal = askOptions.signal ? { signal: askOptions.signal } : {};
      const conversation = (await conversations.get(id, signal)) ?? { id, turns: [] };
      if (now() - refreshedAt >= (options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS)) {
        await kb.refresh(signal);
        refreshedAt = now();
      }
      let final: Answer | undefined;
      let turn: ConversationTurn | undefined;
      const onEvent = (event: AnswerEvent) => {
        if (event.type === 'answer') return;
        askOptions.onEvent?.(
          event.type === 'text-delta' ? { type: 'text-delta', text: maskContactDetails(event.text) } : event,
        );
      };
      try {
        const { resolved, ...answer } = await provider.answer({
          question,
          conversation,
          tools,
          onEvent,
          ...(askOptions.signal ? { signal: askOptions.signal } : {}),
        });
        final = redactAnswer(answer);
        turn = { question, answer: final, ...(resolved ? { resolved } : {}) };
      } catch (error) {
        throw new AssistantError(
          error instanceof AssistantError ? error.kind : 'provider-failed',
          `The ${provider.name} provider could not answer "${question}": ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      await conversations.set({ id, turns: [...conversation.turns, turn as ConversationTurn] }, signal);
      askOptions.onEvent?.({ type: 'answer', answer: final });
      return { conversationId: id, answer: final };
    },
  };
}
