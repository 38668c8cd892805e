import type { KnowledgeDocument } from '../../kb/knowledge-document';

/** The metadata attribute names each document object carries in the Bedrock knowledge base. */
export const KB_METADATA = {
  id: 'document_id',
  kind: 'kind',
  title: 'title',
  table: 'table',
  key: 'key',
  commit: 'commit',
} as const;

/** One S3 object of the knowledge base's data source and its `.metadata.json` sidecar. */
export interface KnowledgeBaseObject {
  /** Relative to the documents prefix: `<kind>/<id, file-safe>.txt`. */
  readonly name: string;
  readonly body: string;
  /** Name and body of the sidecar Bedrock reads the metadata attributes from. */
  readonly metadataName: string;
  readonly metadataBody: string;
}

/** A document id as a file name: letters, digits, `-`, `_`, `.` kept, anything else percent-encoded. */
export function fileSafeId(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The knowledge-base documents as the S3 objects a Bedrock knowledge base ingests: the title and text as the
 * object, and the id, kind, title, table, key and commit as metadata attributes (so Retrieve results map back to
 * document ids and can be filtered by kind).
 */
export function knowledgeBaseObjects(documents: readonly KnowledgeDocument[]): KnowledgeBaseObject[] {
  return documents.map((d) => {
    const name = `${d.kind}/${fileSafeId(d.id)}.txt`;
    const attributes: Record<string, string> = {
      [KB_METADATA.id]: d.id,
      [KB_METADATA.kind]: d.kind,
      [KB_METADATA.title]: d.title,
      [KB_METADATA.key]: d.key,
      ...(d.table !== null ? { [KB_METADATA.table]: d.table } : {}),
      ...(d.commit !== null ? { [KB_METADATA.commit]: d.commit } : {}),
    };
    return {
      name,
      body: `${d.title}\n\n${d.text}\n`,
      metadataName: `${name}.metadata.json`,
      metadataBody: JSON.stringify({ metadataAttributes: attributes }),
    };
  });
}
