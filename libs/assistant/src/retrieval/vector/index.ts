export type { EmbeddingProvider } from './embedding-provider';
export { TITAN_EMBED_V2_MODEL_ID, TitanEmbeddings, type TitanEmbeddingsOptions } from './titan-embeddings';
export { OpenAiCompatibleEmbeddings, type OpenAiCompatibleEmbeddingsOptions } from './openai-compatible-embeddings';
export { type VectorDocumentSource, VectorRetriever } from './vector-retriever';
