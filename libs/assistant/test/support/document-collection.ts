import type { KnowledgeBaseChange } from '../../src/kb/knowledge-base';
import { type KnowledgeDocument, documentId } from '../../src/kb/knowledge-document';
import type { VectorDocumentSource } from '../../src/retrieval/vector/index';

/** Part documents as the knowledge base shapes them, from a few parts named in the test. */
export function partDocuments(parts: readonly { sku: string; name: string; category: string }[]): KnowledgeDocument[] {
  return parts.map((p) => ({
    id: documentId.part(p.sku),
    kind: 'part',
    title: p.name,
    text: `${p.name}. Category ${p.category}. SKU ${p.sku}.`,
    table: 'auto_parts',
    key: p.sku,
    commit: '20250101000000000',
    fields: { category: p.category },
  }));
}

/**
 * Documents that change the way the knowledge base's refresh changes them (added, updated, removed, reported to
 * listeners): the part of KnowledgeBase that vector ranking follows.
 */
export class DocumentCollection implements VectorDocumentSource {
  private readonly byId = new Map<string, KnowledgeDocument>();
  private readonly listeners = new Set<(change: KnowledgeBaseChange) => void>();

  constructor(documents: readonly KnowledgeDocument[]) {
    for (const d of documents) this.byId.set(d.id, d);
  }

  get documents(): readonly KnowledgeDocument[] {
    return [...this.byId.values()];
  }

  get(id: string): KnowledgeDocument | undefined {
    return this.byId.get(id);
  }

  onChange(listener: (change: KnowledgeBaseChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the documents and tells the listeners what changed. */
  replace(next: readonly KnowledgeDocument[]): KnowledgeBaseChange {
    const nextIds = new Set(next.map((d) => d.id));
    const change: KnowledgeBaseChange = {
      added: next.filter((d) => !this.byId.has(d.id)),
      updated: next.filter((d) => this.byId.has(d.id) && JSON.stringify(this.byId.get(d.id)) !== JSON.stringify(d)),
      removed: [...this.byId.keys()].filter((id) => !nextIds.has(id)),
      tablesRead: ['auto_parts'],
    };
    this.byId.clear();
    for (const d of next) this.byId.set(d.id, d);
    for (const listener of this.listeners) listener(change);
    return change;
  }
}
