import { ETL_EXCLUSIONS_PREFIX, type ObjectStore, etlExclusionKey, rawCsvTableOf } from '@autocorp/lake-storage';
import { JOBS } from '@autocorp/etl-jobs';
import { EtlError } from '../etl-error';

/**
 * A raw CSV file taken out of its jobs' input. The file itself stays where it landed (raw data is
 * immutable); only this record, kept in the state folder, says who took it out, when and why.
 */
export interface RawFileExclusion {
  readonly version: 1;
  /** Store key of the raw file, e.g. `raw/csv/sales_orders/ingest_date=2025-06-02/sales_orders.csv`. */
  readonly key: string;
  readonly size: number;
  readonly etag: string | null;
  /** The jobs that no longer read it. */
  readonly jobs: readonly string[];
  readonly reason: string;
  readonly excludedBy: string;
  readonly excludedAt: string;
}

export interface ExcludeRawFileOptions {
  readonly store: ObjectStore;
  /** Store key of a raw CSV file. */
  readonly key: string;
  /** Why it is taken out (kept in the record). */
  readonly reason: string;
  /** Who takes it out. */
  readonly by: string;
  readonly now?: () => Date;
}

/**
 * Takes a raw CSV file out of the input of the jobs that read it, so that a file that blocks them
 * no longer does; the next runs read everything else. Nothing is deleted: the file stays in the raw
 * zone, listed by listExcludedFiles, and restoreRawFile puts it back into the input.
 * Returns the record (the existing one when the file is already taken out).
 */
export async function excludeRawFile(options: ExcludeRawFileOptions): Promise<RawFileExclusion> {
  const { store, key } = options;
  const table = rawCsvTableOf(key);
  if (!table) {
    throw new EtlError(
      'invalid-option',
      `"${key}" is not a raw CSV file key (raw/csv/<table>/.../<file>.csv); only CSV exports can be taken out of a job's input (a CDC file cannot: later changes build on it). Copy the key from the error of the blocked run.`,
    );
  }
  if (options.reason.trim() === '')
    throw new EtlError(
      'invalid-option',
      `Say why ${key} is taken out of the ETL input (a reason is kept in the record).`,
    );
  const info = await store.head(key);
  if (!info)
    throw new EtlError(
      'invalid-option',
      `There is no raw file ${store.uri}/${key}; check the key (listed in the error of the blocked run).`,
    );
  const existing = await readExclusion(store, key);
  if (existing) return existing;
  const jobs = JOBS.filter((j) => j.sources.some((s) => s.kind === 'csv' && s.table === table)).map((j) => j.name);
  const record: RawFileExclusion = {
    version: 1,
    key,
    size: info.size,
    etag: info.etag ?? null,
    jobs,
    reason: options.reason.trim(),
    excludedBy: options.by,
    excludedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  await store.put(etlExclusionKey(key), `${JSON.stringify(record, null, 2)}\n`, { contentType: 'application/json' });
  return record;
}

/** Puts a taken-out raw file back into its jobs' input (the next run reads it). Returns the removed record. */
export async function restoreRawFile(store: ObjectStore, key: string): Promise<RawFileExclusion> {
  const existing = await readExclusion(store, key);
  if (!existing)
    throw new EtlError(
      'invalid-option',
      `The raw file ${key} is not taken out of the ETL input; "autocorp etl quarantined-files" lists those that are.`,
    );
  await store.delete(etlExclusionKey(key));
  return existing;
}

/** Every raw file taken out of the ETL input, oldest first. */
export async function listExcludedFiles(store: ObjectStore): Promise<RawFileExclusion[]> {
  const records: RawFileExclusion[] = [];
  for await (const info of store.list(ETL_EXCLUSIONS_PREFIX)) {
    if (info.key.endsWith('.json')) records.push(await readRecord(store, info.key));
  }
  return records.sort((a, b) => a.excludedAt.localeCompare(b.excludedAt) || a.key.localeCompare(b.key));
}

async function readExclusion(store: ObjectStore, rawKey: string): Promise<RawFileExclusion | undefined> {
  const key = etlExclusionKey(rawKey);
  return (await store.head(key)) ? readRecord(store, key) : undefined;
}

async function readRecord(store: ObjectStore, key: string): Promise<RawFileExclusion> {
  try {
    const record = JSON.parse((await store.getBytes(key)).toString('utf8')) as RawFileExclusion;
    if (record.version !== 1 || typeof record.key !== 'string')
      throw new Error(`version ${String(record.version)}, key ${String(record.key)}`);
    return record;
  } catch (error) {
    throw new EtlError(
      'state-corrupt',
      `The exclusion record ${store.uri}/${key} cannot be read (${(error as Error).message}); fix or delete it (the raw file is untouched).`,
      {
        cause: error,
      },
    );
  }
}
