import { createHash } from 'node:crypto';
import type { KnowledgeBase, KnowledgeBaseChange } from '../../kb/knowledge-base';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import type { RetrievalHit, RetrievalQuery, Retriever } from '../retriever';
import type { EmbeddingProvider } from './embedding-provider';

/** The knowledge base as vector ranking follows it. */
export type VectorDocumentSource = Pick<KnowledgeBase, 'documents' | 'get' | 'onChange'>;

/** What is embedded for a document: its title and text. */
const embeddedText = (d: KnowledgeDocument) => `${d.title}\n${d.text}`;
const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex');

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Vector ranking: every knowledge-base document embedded once (title and text), the query embedded per search,
 * documents ranked by cosine similarity. Follows the knowledge base: after a refresh only added and changed
 * documents are embedded again (a document whose text did not change keeps its vector), removed ones drop out.
 */
export class VectorRetriever implements Retriever {
  readonly name: string;
  private readonly vectors = new Map<string, { fingerprint: string; vector: number[] }>();
  private pending: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  /** Texts embedded so far (documents and queries), for reports. */
  embeddedTexts = 0;

  /** Starts embedding the knowledge base's documents (searches wait for it) and follows its refreshes. */
  constructor(
    private readonly kb: VectorDocumentSource,
    private readonly embeddings: EmbeddingProvider,
  ) {
    this.name = `vector:${embeddings.name}`;
    this.unsubscribe = kb.onChange((change) => this.follow(change));
    this.pending = this.embedDocuments(kb.documents).catch(() => undefined);
  }

  /** A retriever whose documents are all embedded (an embedding failure rejects here). */
  static async create(kb: VectorDocumentSource, embeddings: EmbeddingProvider): Promise<VectorRetriever> {
    const retriever = new VectorRetriever(kb, embeddings);
    await retriever.pending;
    await retriever.embedDocuments(kb.documents);
    return retriever;
  }

  private follow(change: KnowledgeBaseChange): void {
    for (const id of change.removed) this.vectors.delete(id);
    const changed = [...change.added, ...change.updated];
    // Embedded eagerly; a failure here is retried (and reported) by the next search's catch-up.
    this.pending = this.pending.then(() => this.embedDocuments(changed)).catch(() => undefined);
  }

  private async embedDocuments(documents: readonly KnowledgeDocument[]): Promise<void> {
    const stale = documents.filter((d) => this.vectors.get(d.id)?.fingerprint !== fingerprint(embeddedText(d)));
    if (stale.length === 0) return;
    const vectors = await this.embeddings.embed(stale.map(embeddedText));
    this.embeddedTexts += stale.length;
    stale.forEach((d, i) =>
      this.vectors.set(d.id, { fingerprint: fingerprint(embeddedText(d)), vector: vectors[i] as number[] }),
    );
  }

  async search(query: RetrievalQuery, options: { readonly signal?: AbortSignal } = {}): Promise<RetrievalHit[]> {
    await this.pending;
    // Catch-up: embeds whatever a failed refresh left without a vector (a no-op when every vector is current).
    await this.embedDocuments(this.kb.documents);
    const [queryVector] = await this.embeddings.embed([query.text], options);
    this.embeddedTexts += 1;
    const kinds = query.kinds ? new Set<string>(query.kinds) : undefined;
    const hits: RetrievalHit[] = [];
    for (const [id, { vector }] of this.vectors) {
      const document = this.kb.get(id);
      if (!document || (kinds && !kinds.has(document.kind))) continue;
      hits.push({ document, score: cosine(queryVector ?? [], vector) });
    }
    return hits
      .sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id))
      .slice(0, query.limit ?? 10);
  }

  /** Stops following the knowledge base. */
  close(): void {
    this.unsubscribe();
  }
}
