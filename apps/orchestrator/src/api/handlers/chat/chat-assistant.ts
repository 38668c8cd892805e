import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import {
  type AnswerProvider,
  type Assistant,
  type AssistantParts,
  BedrockChatModel,
  DEFAULT_CHAT_ROW_CAP,
  DEFAULT_CHAT_TOOL_TIMEOUT_MS,
  type KnowledgeBase,
  MemoryConversationStore,
  NOVA_PRO_MODEL_ID,
  OpenAiCompatibleChatModel,
  OpenAiCompatibleEmbeddings,
  type Retriever,
  VectorRetriever,
  createAssistant,
  createModelProvider,
} from '@autocorp/assistant';
import type { QueryExecutor } from '@autocorp/query';
import type { ChatSettings } from './chat-settings';

/** The model the configured provider calls: none for `local`, Nova Pro unless configured for `bedrock`. */
export function chatModelName(settings: ChatSettings): string | null {
  if (settings.provider === 'local') return null;
  if (settings.provider === 'bedrock') return settings.model ?? NOVA_PRO_MODEL_ID;
  return settings.model ?? null;
}

/** What is missing from the configuration for the provider to answer, and how to set it; null when nothing is. */
export function missingProviderSetting(settings: ChatSettings): string | null {
  if (settings.embeddingsUrl && !settings.embeddingsModel)
    return 'vector retrieval at assistant.embeddingsUrl needs assistant.embeddingsModel (AUTOCORP_ASSISTANT_EMBEDDINGS_MODEL), e.g. nomic-embed-text';
  if (settings.provider !== 'openai-compatible') return null;
  const missing = [
    ...(settings.baseUrl ? [] : ['assistant.baseUrl (AUTOCORP_ASSISTANT_BASE_URL), e.g. http://localhost:11434/v1']),
    ...(settings.model ? [] : ['assistant.model (AUTOCORP_ASSISTANT_MODEL), e.g. qwen2.5:7b']),
  ];
  return missing.length === 0 ? null : `the openai-compatible provider needs ${missing.join(' and ')}`;
}

function modelProvider(settings: ChatSettings, limits: { rowCap: number; timeoutMs: number }) {
  if (settings.provider === 'local') return undefined;
  const model =
    settings.provider === 'bedrock'
      ? new BedrockChatModel({ client: new BedrockRuntimeClient({}), modelId: chatModelName(settings) as string })
      : new OpenAiCompatibleChatModel({ baseUrl: settings.baseUrl as string, model: settings.model as string });
  return (_parts: AssistantParts): AnswerProvider => createModelProvider({ model, limits });
}

function vectorRetriever(settings: ChatSettings): ((kb: KnowledgeBase) => Retriever) | undefined {
  if (!settings.embeddingsUrl) return undefined;
  const embeddings = new OpenAiCompatibleEmbeddings({
    baseUrl: settings.embeddingsUrl,
    model: settings.embeddingsModel as string,
  });
  return (kb) => new VectorRetriever(kb, embeddings);
}

/**
 * The assistant of the chat endpoint over the lake's curated tables (the query routes' DuckDB executor):
 * the configured provider, a bounded LRU of conversations, and a row cap and a timeout per tool call.
 */
export function createChatAssistant(executor: QueryExecutor, settings: ChatSettings): Promise<Assistant> {
  const limits = {
    rowCap: settings.rowCap ?? DEFAULT_CHAT_ROW_CAP,
    timeoutMs: settings.toolTimeoutMs ?? DEFAULT_CHAT_TOOL_TIMEOUT_MS,
  };
  const provider = modelProvider(settings, limits);
  const retriever = vectorRetriever(settings);
  return createAssistant({
    executor,
    ...limits,
    conversations: new MemoryConversationStore(
      settings.maxConversations !== undefined ? { max: settings.maxConversations } : {},
    ),
    ...(provider ? { provider } : {}),
    ...(retriever ? { retriever } : {}),
  });
}
