import MiniSearch from 'minisearch';
import type { KnowledgeBase, KnowledgeBaseChange } from '../../kb/knowledge-base';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import type { RetrievalHit, RetrievalQuery, Retriever } from '../retriever';
import { searchTerm, tokenize } from './search-terms';

/** Documents as minisearch indexes them. */
interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly kind: string;
}

const indexed = (d: KnowledgeDocument): IndexedDocument => ({ id: d.id, title: d.title, text: d.text, kind: d.kind });

/**
 * Lexical ranking with minisearch (BM25+): domain synonyms folded to one form, English stemming,
 * prefix matching and typo tolerance (edit distance up to a fifth of a word of five letters or
 * more). Follows the knowledge base: a refresh that changes documents updates the index.
 */
export class LexicalRetriever implements Retriever {
  readonly name = 'lexical';
  private readonly index = new MiniSearch<IndexedDocument>({
    fields: ['title', 'text'],
    storeFields: [],
    tokenize,
    processTerm: searchTerm,
    searchOptions: {
      boost: { title: 3 },
      prefix: (term) => term.length > 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      weights: { fuzzy: 0.6, prefix: 0.4 },
    },
  });
  private readonly unsubscribe: () => void;

  constructor(private readonly kb: KnowledgeBase) {
    this.index.addAll(kb.documents.map(indexed));
    this.unsubscribe = kb.onChange((change) => this.apply(change));
  }

  private apply(change: KnowledgeBaseChange): void {
    for (const id of change.removed) if (this.index.has(id)) this.index.discard(id);
    for (const doc of change.updated) {
      if (this.index.has(doc.id)) this.index.replace(indexed(doc));
      else this.index.add(indexed(doc));
    }
    for (const doc of change.added) {
      if (this.index.has(doc.id)) this.index.replace(indexed(doc));
      else this.index.add(indexed(doc));
    }
  }

  async search(query: RetrievalQuery): Promise<RetrievalHit[]> {
    const kinds = query.kinds ? new Set<string>(query.kinds) : undefined;
    const results = this.index.search(query.text, {
      ...(kinds ? { filter: (r) => kinds.has(this.kb.get(String(r.id))?.kind ?? '') } : {}),
    });
    const hits: RetrievalHit[] = [];
    for (const result of results) {
      const document = this.kb.get(String(result.id));
      if (document) hits.push({ document, score: result.score });
      if (hits.length >= (query.limit ?? 10)) break;
    }
    return hits;
  }

  /** Stops following the knowledge base. */
  close(): void {
    this.unsubscribe();
  }
}
