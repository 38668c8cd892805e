import type { ChatProvider } from '@autocorp/platform-client';

/** How the chat endpoint answers: the provider (`assistant.*` configuration keys) and its limits. */
export interface ChatSettings {
  readonly provider: ChatProvider;
  /** The OpenAI-compatible server (`assistant.baseUrl`), e.g. http://localhost:11434/v1. */
  readonly baseUrl?: string | undefined;
  /** The model the provider calls (`assistant.model`); Bedrock's default is Nova Pro. */
  readonly model?: string | undefined;
  /** An OpenAI-compatible embeddings endpoint for vector retrieval (`assistant.embeddingsUrl`). */
  readonly embeddingsUrl?: string | undefined;
  /** The embedding model at embeddingsUrl (`assistant.embeddingsModel`; default `assistant.model`). */
  readonly embeddingsModel?: string | undefined;
  /** Rows a tool call returns at most (default 200). */
  readonly rowCap?: number;
  /** A tool call is aborted after this long (default 20 s). */
  readonly toolTimeoutMs?: number;
  /** Conversations kept in memory (least recently used dropped first; default 500). */
  readonly maxConversations?: number;
}

export const LOCAL_CHAT: ChatSettings = { provider: 'local' };
