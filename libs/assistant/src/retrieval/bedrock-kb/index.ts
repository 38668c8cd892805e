export { BedrockKbRetriever, type BedrockKbRetrieverOptions } from './bedrock-kb-retriever';
export { KB_METADATA, type KnowledgeBaseObject, fileSafeId, knowledgeBaseObjects } from './knowledge-base-objects';
export { type PublishReport, publishKnowledgeDocuments } from './publish-knowledge-documents';
