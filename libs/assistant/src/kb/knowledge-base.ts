import type { ExecuteOptions, QueryExecutor, ResultRow } from '@autocorp/query';
import { catalogDocuments } from './catalog-documents';
import { dataDocuments } from './data-documents';
import { type KnowledgeDocument, sameDocument } from './knowledge-document';
import { type SourceTable, type TableSignature, isSourceTable, readSignatures, readSource } from './source-reads';

/** What one refresh changed. */
export interface KnowledgeBaseChange {
  readonly added: readonly KnowledgeDocument[];
  readonly updated: readonly KnowledgeDocument[];
  readonly removed: readonly string[];
  /** The source tables read again because their latest commit instant or row count changed. */
  readonly tablesRead: readonly string[];
}

const sameSignature = (a: TableSignature | undefined, b: TableSignature) =>
  a !== undefined && a.commit === b.commit && a.rows === b.rows;

/** Category values (parts and services share them), counted from the rows already read. */
function categoryValues(parts: readonly ResultRow[], services: readonly ResultRow[]): ResultRow[] {
  const counts = new Map<string, number>();
  for (const row of [...parts, ...services]) {
    const category = String(row['category'] ?? '');
    if (category !== '') counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts].map(([value, occurrences]) => ({
    table_name: 'auto_parts',
    column_name: 'category',
    value,
    occurrences,
  }));
}

/**
 * The knowledge base: documents built from the curated tables (parts, services, service-parts
 * mappings, the values of the order and customer columns), the job definitions and the named
 * queries. `refresh()` reads a source table again only when its latest commit instant (or row
 * count) changed since the last refresh, and reports the documents added, updated and removed.
 */
export class KnowledgeBase {
  private readonly byId = new Map<string, KnowledgeDocument>();
  private readonly rows = new Map<SourceTable, ResultRow[]>();
  private readonly signatures = new Map<string, TableSignature>();
  private readonly listeners = new Set<(change: KnowledgeBaseChange) => void>();

  constructor(private readonly executor: QueryExecutor) {}

  /** Builds a knowledge base over the executor's curated tables. */
  static async build(executor: QueryExecutor, options: ExecuteOptions = {}): Promise<KnowledgeBase> {
    const kb = new KnowledgeBase(executor);
    await kb.refresh(options);
    return kb;
  }

  get documents(): readonly KnowledgeDocument[] {
    return [...this.byId.values()];
  }

  get(id: string): KnowledgeDocument | undefined {
    return this.byId.get(id);
  }

  /** The latest commit instant of each curated table at the last refresh. */
  commits(): ReadonlyMap<string, string | null> {
    return new Map([...this.signatures].map(([t, s]) => [t, s.commit]));
  }

  /** Called after every refresh that changed a document. Returns the unsubscribe function. */
  onChange(listener: (change: KnowledgeBaseChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async refresh(options: ExecuteOptions = {}): Promise<KnowledgeBaseChange> {
    const signatures = await readSignatures(this.executor, options);
    const changed = [...signatures].filter(([t, now]) => !sameSignature(this.signatures.get(t), now)).map(([t]) => t);
    const toRead = changed.filter(isSourceTable);
    for (const table of toRead) this.rows.set(table, await readSource(this.executor, table, options));
    for (const [table, signature] of signatures) this.signatures.set(table, signature);
    if (changed.length === 0 && this.byId.size > 0) return { added: [], updated: [], removed: [], tablesRead: [] };
    const parts = this.rows.get('auto_parts') ?? [];
    const services = this.rows.get('service') ?? [];
    const next = [
      ...dataDocuments(
        {
          parts,
          services,
          serviceParts: this.rows.get('service_parts') ?? [],
          values: [
            ...categoryValues(parts, services),
            ...(this.rows.get('sales_order') ?? []),
            ...(this.rows.get('customers') ?? []),
          ],
        },
        this.commits(),
      ),
      ...catalogDocuments(this.commits()),
    ];
    const change = this.replace(next, toRead);
    if (change.added.length + change.updated.length + change.removed.length > 0)
      for (const listener of this.listeners) listener(change);
    return change;
  }

  private replace(next: readonly KnowledgeDocument[], tablesRead: readonly string[]): KnowledgeBaseChange {
    const added: KnowledgeDocument[] = [];
    const updated: KnowledgeDocument[] = [];
    const seen = new Set<string>();
    for (const doc of next) {
      seen.add(doc.id);
      const previous = this.byId.get(doc.id);
      if (!previous) added.push(doc);
      else if (!sameDocument(previous, doc)) updated.push(doc);
      this.byId.set(doc.id, doc);
    }
    const removed = [...this.byId.keys()].filter((id) => !seen.has(id));
    for (const id of removed) this.byId.delete(id);
    return { added, updated, removed, tablesRead };
  }
}
