import { createHash } from 'node:crypto';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import { knowledgeBaseObjects } from './knowledge-base-objects';

/** The user metadata key holding the sha256 of what was written, so unchanged objects are not written again. */
const CONTENT_SHA256 = 'content-sha256';

export interface PublishReport {
  readonly written: number;
  readonly unchanged: number;
  readonly deleted: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Writes the knowledge-base documents under `prefix` of a store (the curated bucket's `knowledge-documents/`,
 * the Bedrock knowledge base's data source): each document and its metadata sidecar, only when its content
 * changed, and deletes the objects of documents that are gone. A data-source sync (StartIngestionJob) then
 * brings the knowledge base up to date.
 */
export async function publishKnowledgeDocuments(
  store: ObjectStore,
  documents: readonly KnowledgeDocument[],
  options: { readonly prefix: string },
): Promise<PublishReport> {
  const prefix = options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  const wanted = new Map<string, { body: string; contentType: string }>();
  for (const object of knowledgeBaseObjects(documents)) {
    wanted.set(`${prefix}${object.name}`, { body: object.body, contentType: 'text/plain; charset=utf-8' });
    wanted.set(`${prefix}${object.metadataName}`, { body: object.metadataBody, contentType: 'application/json' });
  }
  const existing = new Set<string>();
  for await (const info of store.list(prefix)) existing.add(info.key);

  let written = 0;
  let unchanged = 0;
  for (const [key, { body, contentType }] of wanted) {
    const hash = sha256(body);
    if (existing.has(key) && (await store.head(key))?.metadata?.[CONTENT_SHA256] === hash) {
      unchanged += 1;
      continue;
    }
    await store.put(key, body, { contentType, metadata: { [CONTENT_SHA256]: hash } });
    written += 1;
  }
  let deleted = 0;
  for (const key of existing)
    if (!wanted.has(key)) {
      await store.delete(key);
      deleted += 1;
    }
  return { written, unchanged, deleted };
}
