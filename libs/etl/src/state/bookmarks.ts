import { type ObjectStore, etlBookmarkKey } from '@autocorp/lake-storage';
import { EtlError } from '../etl-error';

/** A CDC position as stored: PostgreSQL LSN text and the change's order in its transaction. */
export interface StoredPosition {
  readonly lsn: string;
  readonly seq: number;
}

export interface DatabaseBookmark {
  /** Full-load files already processed. */
  readonly loadFiles: readonly string[];
  /** CDC files whose last change is at or below this position were processed. */
  readonly cdcThrough: StoredPosition | null;
}

export interface CsvFileMark {
  readonly key: string;
  readonly size: number;
  readonly etag: string | null;
}

/** What a job has processed: raw files per source, and the curated instants it last read. */
export interface JobBookmark {
  readonly version: 1;
  readonly job: string;
  readonly runId: string;
  readonly updatedAt: string;
  readonly database: Readonly<Record<string, DatabaseBookmark>>;
  readonly csv: Readonly<Record<string, readonly CsvFileMark[]>>;
  readonly curated: Readonly<Record<string, string | null>>;
}

export function emptyBookmark(job: string): JobBookmark {
  return { version: 1, job, runId: '', updatedAt: '', database: {}, csv: {}, curated: {} };
}

export async function readBookmark(store: ObjectStore, job: string): Promise<JobBookmark> {
  const key = etlBookmarkKey(job);
  if (!(await store.head(key))) return emptyBookmark(job);
  const text = (await store.getBytes(key)).toString('utf8');
  try {
    const parsed = JSON.parse(text) as JobBookmark;
    if (parsed.version !== 1 || parsed.job !== job)
      throw new Error(`version ${String(parsed.version)} / job ${String(parsed.job)}`);
    return parsed;
  } catch (error) {
    throw new EtlError(
      'state-corrupt',
      `The bookmark ${store.uri}/${key} of ETL job ${job} cannot be read (${(error as Error).message}). Delete it to reprocess every raw file (upserts make that safe).`,
      { cause: error },
    );
  }
}

/** Saved after the job's commit, so a crash before it makes the next run redo the same input. */
export async function writeBookmark(store: ObjectStore, bookmark: JobBookmark): Promise<void> {
  await store.put(etlBookmarkKey(bookmark.job), `${JSON.stringify(bookmark, null, 2)}\n`, {
    contentType: 'application/json',
  });
}
