import {
  type BedrockAgentRuntimeClient,
  type KnowledgeBaseRetrievalResult,
  RetrieveCommand,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { AssistantError } from '../../assistant-error';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import type { DocumentKind, KnowledgeDocument } from '../../kb/knowledge-document';
import type { RetrievalHit, RetrievalQuery, Retriever } from '../retriever';
import { KB_METADATA } from './knowledge-base-objects';

export interface BedrockKbRetrieverOptions {
  readonly client: BedrockAgentRuntimeClient;
  /** The knowledge base id (the AI stack's output). */
  readonly knowledgeBaseId: string;
  /** The local knowledge base, to return its documents (with their fields) for the ids Bedrock found. */
  readonly kb?: Pick<KnowledgeBase, 'get'>;
}

function metadataString(result: KnowledgeBaseRetrievalResult, key: string): string | null {
  const value = result.metadata?.[key];
  return typeof value === 'string' ? value : null;
}

/** A document as Bedrock returned it, for ids the local knowledge base does not hold. */
function documentOfResult(result: KnowledgeBaseRetrievalResult, id: string): KnowledgeDocument {
  return {
    id,
    kind: (metadataString(result, KB_METADATA.kind) ?? 'table') as DocumentKind,
    title: metadataString(result, KB_METADATA.title) ?? id,
    text: result.content?.text ?? '',
    table: metadataString(result, KB_METADATA.table),
    key: metadataString(result, KB_METADATA.key) ?? id,
    commit: metadataString(result, KB_METADATA.commit),
    fields: {},
  };
}

/**
 * Retrieval through a Bedrock Knowledge Base (`Retrieve`, vector search over the documents the CDK app's
 * knowledge base ingested from S3). Each chunk carries its document's id in its metadata (knowledgeBaseObjects
 * writes it); chunks of one document count once, at their best score. Kinds are filtered with a metadata filter.
 */
export class BedrockKbRetriever implements Retriever {
  readonly name = 'bedrock-kb';

  constructor(private readonly options: BedrockKbRetrieverOptions) {}

  async search(query: RetrievalQuery, options: { readonly signal?: AbortSignal } = {}): Promise<RetrievalHit[]> {
    const limit = query.limit ?? 10;
    const kinds = query.kinds ?? [];
    const filter =
      kinds.length === 0
        ? undefined
        : kinds.length === 1
          ? { equals: { key: KB_METADATA.kind, value: kinds[0] } }
          : { in: { key: KB_METADATA.kind, value: [...kinds] } };
    let results: KnowledgeBaseRetrievalResult[];
    try {
      const output = await this.options.client.send(
        new RetrieveCommand({
          knowledgeBaseId: this.options.knowledgeBaseId,
          retrievalQuery: { text: query.text },
          // Chunks, not documents: ask for more so that `limit` distinct documents remain.
          retrievalConfiguration: {
            vectorSearchConfiguration: { numberOfResults: Math.min(100, limit * 3), ...(filter ? { filter } : {}) },
          },
        }),
        options.signal ? { abortSignal: options.signal } : {},
      );
      results = output.retrievalResults ?? [];
    } catch (error) {
      throw new AssistantError(
        'provider-failed',
        `Bedrock Retrieve on knowledge base ${this.options.knowledgeBaseId} failed: ${
          error instanceof Error ? error.message : String(error)
        }. Check the knowledge base id and that the role may call bedrock:Retrieve on it.`,
        { cause: error },
      );
    }
    const best = new Map<string, RetrievalHit>();
    for (const result of results) {
      const id = metadataString(result, KB_METADATA.id);
      if (id === null) continue;
      const score = result.score ?? 0;
      if ((best.get(id)?.score ?? -Infinity) >= score) continue;
      best.set(id, { document: this.options.kb?.get(id) ?? documentOfResult(result, id), score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
