/** What a knowledge-base document describes. */
export type DocumentKind = 'part' | 'service' | 'service-part' | 'value' | 'table' | 'column' | 'named-query';

/** A field value a document carries for the answerer (a price, a category, a quantity). */
export type DocumentField = string | number | null;

/** One document of the knowledge base: searchable text plus where it came from. */
export interface KnowledgeDocument {
  /** Stable across rebuilds: `part:<sku>`, `service:<serviceid>`, `service-part:<serviceid>:<sku>`, ... */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  /** The text retrieval ranks. */
  readonly text: string;
  /** The curated table the document was read from (null for job and named-query descriptions). */
  readonly table: string | null;
  /** The row key in that table (`sku`, `serviceid`, `serviceid/sku`), or the described name. */
  readonly key: string;
  /** The latest commit instant of `table` when the document was built (null without a table). */
  readonly commit: string | null;
  readonly fields: Readonly<Record<string, DocumentField>>;
}

/** Stable document ids: one owner for their shape. */
export const documentId = {
  part: (sku: string) => `part:${sku}`,
  service: (serviceid: string) => `service:${serviceid}`,
  servicePart: (serviceid: string, sku: string) => `service-part:${serviceid}:${sku}`,
  value: (column: string, value: string) => `value:${column}:${value}`,
  table: (table: string) => `table:${table}`,
  column: (table: string, column: string) => `column:${table}.${column}`,
  namedQuery: (name: string) => `named-query:${name}`,
} as const;

/** Two documents are the same when every property is. */
export function sameDocument(a: KnowledgeDocument, b: KnowledgeDocument): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
