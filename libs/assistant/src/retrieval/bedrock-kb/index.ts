export { BedrockKbRetriever, type BedrockKbRetrieverOptions } from './bedrock-kb-retriever';
export { KB_METADATA, type KnowledgeBaseObject, fileSafeId, knowledgeBaseObjects } from './knowledge-base-objects';
export type { KnowledgeDocumentsManifest } from './knowledge-documents-manifest';
export { manifestKey } from './publish-location';
export { type PublishReport, publishKnowledgeDocuments } from './publish-knowledge-documents';
export {
  type IngestionClock,
  type IngestionEvent,
  type IngestionJobReport,
  type IngestionStatistics,
  SYSTEM_CLOCK,
  type SyncKnowledgeBaseOptions,
  syncKnowledgeBase,
} from './ingestion-job';
export {
  type PublishEvent,
  type PublishKnowledgeBaseOptions,
  type PublishResult,
  publishKnowledgeBase,
} from './publish-knowledge-base';
