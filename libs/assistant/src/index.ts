export * from './contract/index';
export { AssistantError, type AssistantErrorKind, isAssistantError } from './assistant-error';
export {
  type AskOptions,
  type AskResult,
  type Assistant,
  type AssistantOptions,
  type AssistantParts,
  createAssistant,
} from './assistant';
export * from './conversations/index';
export { KnowledgeBase, type KnowledgeBaseChange } from './kb/knowledge-base';
export { type DocumentKind, type KnowledgeDocument, documentId } from './kb/knowledge-document';
export type { RetrievalHit, RetrievalQuery, Retriever } from './retrieval/retriever';
export { LexicalRetriever } from './retrieval/lexical/lexical-retriever';
export { DOMAIN_SYNONYMS } from './retrieval/lexical/domain-synonyms';
export { createAssistantTools } from './tools/create-tools';
export { DEFAULT_TOOL_RESULT_CACHE_ENTRIES, ToolResultCache } from './tools/tool-result-cache';
export type { ToolDependencies } from './tools/tool-dependencies';
export { DEFAULT_TOOL_LIMITS, withToolLimits } from './tools/tool-limits';
export { SEARCH_KNOWLEDGE_BASE } from './tools/search-knowledge-base-tool';
export { GET_SERVICE_WITH_PARTS } from './tools/service-parts-tool';
export { RUN_NAMED_QUERY } from './tools/named-query-tool';
export { RUN_SQL } from './tools/sql-tool';
export { DESCRIBE_CATALOG } from './tools/catalog-tool';
export { maskContactDetails } from './guardrails/contact-details';
export { redactAnswer } from './guardrails/redact-answer';
export { CANNOT_ANSWER, LocalProvider, type LocalProviderOptions } from './providers/local/local-provider';
// The model providers (tool-use loop, Bedrock, OpenAI-compatible), vector and Bedrock KB retrieval, the chat handler.
export * from './model-loop/index';
export * from './providers/bedrock/index';
export * from './providers/openai-compatible/index';
export * from './retrieval/vector/index';
export * from './retrieval/bedrock-kb/index';
export * from './lambda/index';
export * from './chat-api/index';
