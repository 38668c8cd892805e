import type { ObjectStore } from '@autocorp/lake-storage';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import {
  type IngestionEvent,
  type IngestionJobReport,
  type SyncKnowledgeBaseOptions,
  syncKnowledgeBase,
} from './ingestion-job';
import { type PublishReport, publishKnowledgeDocuments } from './publish-knowledge-documents';

/** What publishing reports while it runs. */
export type PublishEvent =
  | ({ readonly type: 'documents-published' } & PublishReport)
  | IngestionEvent
  | { readonly type: 'ingestion-skipped'; readonly reason: string };

export interface PublishKnowledgeBaseOptions {
  /** The store of the data source's bucket, and the prefix it ingests (the AI stack's `knowledge-documents/`). */
  readonly store: ObjectStore;
  readonly prefix: string;
  /** The knowledge base to sync; without it only the documents are written. */
  readonly ingestion?: Omit<SyncKnowledgeBaseOptions, 'onEvent' | 'signal'>;
  /** Start an ingestion job even when no document changed. */
  readonly force?: boolean;
  readonly onEvent?: (event: PublishEvent) => void;
  readonly signal?: AbortSignal;
}

export interface PublishResult {
  readonly documents: PublishReport;
  /** Null when no job ran (nothing changed, or no knowledge base given). */
  readonly ingestion: IngestionJobReport | null;
}

/**
 * Publishes the knowledge-base documents to the Bedrock knowledge base the CDK app creates: writes what changed to
 * its S3 data source (with the metadata sidecars), deletes what is gone, then runs an ingestion job and waits for it.
 */
export async function publishKnowledgeBase(
  documents: readonly KnowledgeDocument[],
  options: PublishKnowledgeBaseOptions,
): Promise<PublishResult> {
  const report = await publishKnowledgeDocuments(options.store, documents, { prefix: options.prefix });
  options.onEvent?.({ type: 'documents-published', ...report });
  const skip = (reason: string): PublishResult => {
    options.onEvent?.({ type: 'ingestion-skipped', reason });
    return { documents: report, ingestion: null };
  };
  if (!options.ingestion) return skip('no knowledge base id and data source id given');
  if (report.written === 0 && report.deleted === 0 && !options.force)
    return skip('no document changed since the last publish');
  const ingestion = await syncKnowledgeBase({
    ...options.ingestion,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { documents: report, ingestion };
}
