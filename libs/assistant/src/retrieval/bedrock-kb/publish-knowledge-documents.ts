import { createHash } from 'node:crypto';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import { knowledgeBaseObjects } from './knowledge-base-objects';
import { readManifest, writeManifest } from './knowledge-documents-manifest';

/** What a publish did, in objects (each document is two: its text and its `.metadata.json` sidecar). */
export interface PublishReport {
  readonly written: number;
  readonly unchanged: number;
  readonly deleted: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Objects written or deleted at the same time (S3 PUTs are independent; one at a time a scale-1 publish is slow). */
export const PUBLISH_CONCURRENCY = 16;

/** Runs `task` over `items`, at most `limit` at a time; the first failure is thrown once the running ones end. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes the knowledge-base documents under `prefix` of a store (the curated bucket's `knowledge-documents/`, the
 * Bedrock knowledge base's data source): each document and its metadata sidecar, only when its content differs from
 * what the manifest kept beside the prefix says was published, and deletes the objects of documents that are gone.
 * Without a manifest (a first publish) everything is written and every object under the prefix that is not a
 * document is deleted. The manifest is written last, so an interrupted publish is completed by the next one.
 * A data-source sync (StartIngestionJob, `syncKnowledgeBase`) then brings the knowledge base up to date.
 */
export async function publishKnowledgeDocuments(
  store: ObjectStore,
  documents: readonly KnowledgeDocument[],
  options: { readonly prefix: string },
): Promise<PublishReport> {
  const prefix = options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  const wanted = new Map<string, { body: string; contentType: string; hash: string }>();
  const add = (key: string, body: string, contentType: string) =>
    wanted.set(key, { body, contentType, hash: sha256(body) });
  for (const object of knowledgeBaseObjects(documents)) {
    add(`${prefix}${object.name}`, object.body, 'text/plain; charset=utf-8');
    add(`${prefix}${object.metadataName}`, object.metadataBody, 'application/json');
  }
  const manifest = await readManifest(store, prefix);
  const published = new Map<string, string | null>(Object.entries(manifest?.objects ?? {}));
  if (!manifest) for await (const info of store.list(prefix)) published.set(info.key, null);

  const changed = [...wanted].filter(([key, { hash }]) => published.get(key) !== hash);
  const gone = [...published.keys()].filter((key) => !wanted.has(key));
  await forEachConcurrently(changed, PUBLISH_CONCURRENCY, ([key, { body, contentType }]) =>
    store.put(key, body, { contentType }).then(() => undefined),
  );
  await forEachConcurrently(gone, PUBLISH_CONCURRENCY, (key) => store.delete(key));
  const written = changed.length;
  const deleted = gone.length;
  const unchanged = wanted.size - written;
  if (!manifest || written > 0 || deleted > 0)
    await writeManifest(store, prefix, Object.fromEntries([...wanted].map(([key, { hash }]) => [key, hash])));
  return { written, unchanged, deleted };
}
