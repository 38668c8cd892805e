import type { DocumentKind, KnowledgeDocument } from '../kb/knowledge-document';

export interface RetrievalQuery {
  readonly text: string;
  /** At most this many hits (default 10). */
  readonly limit?: number;
  /** Only documents of these kinds. */
  readonly kinds?: readonly DocumentKind[];
}

export interface RetrievalHit {
  readonly document: KnowledgeDocument;
  /** Higher is better; comparable only within one answer. */
  readonly score: number;
}

/** Ranks knowledge-base documents for a query: lexical locally, vector or Bedrock KB when configured. */
export interface Retriever {
  readonly name: string;
  search(query: RetrievalQuery, options?: { readonly signal?: AbortSignal }): Promise<RetrievalHit[]>;
}
