import {
  type ObjectInfo,
  type ObjectStore,
  formatLsn,
  isLoadFileKey,
  parseCdcFileKey,
  rawCsvPrefix,
  rawDatabasePrefix,
  tryParseLsn,
} from '@autocorp/lake-storage';
import { EtlError } from '../etl-error';
import type { CsvFileMark, DatabaseBookmark } from '../state/bookmarks';
import { type CommittedPosition, comparePosition } from './cdc-position';

/** The raw files of one PostgreSQL table that a run reads, and the bookmark after reading them. */
export interface DatabaseFileSelection {
  readonly files: readonly string[];
  readonly bookmark: DatabaseBookmark;
}

/**
 * Files of `raw/database/pg_<table>/` at or below the committed CDC position, full-load files
 * first, then CDC files in commit order. `since` limits them to files after a bookmark;
 * without it every committed file is returned (history lookups).
 */
export async function selectDatabaseFiles(
  store: ObjectStore,
  table: string,
  committed: CommittedPosition | undefined,
  since?: DatabaseBookmark,
): Promise<DatabaseFileSelection> {
  const previous: DatabaseBookmark = since ?? { loadFiles: [], cdcThrough: null };
  if (!committed) return { files: [], bookmark: previous };
  const loads: string[] = [];
  const changes: { key: string; first: { lsn: bigint; seq: number }; last: { lsn: bigint; seq: number } }[] = [];
  for await (const info of store.list(rawDatabasePrefix(table))) {
    if (isLoadFileKey(info.key)) loads.push(info.key);
    else {
      const parsed = parseCdcFileKey(info.key);
      if (parsed && comparePosition(parsed.last, committed) <= 0)
        changes.push({ key: info.key, first: parsed.first, last: parsed.last });
    }
  }
  loads.sort();
  changes.sort((a, b) => comparePosition(a.first, b.first));
  const seenLoads = new Set(previous.loadFiles);
  const through = previous.cdcThrough
    ? { lsn: bookmarkLsn(table, previous.cdcThrough.lsn), seq: previous.cdcThrough.seq }
    : undefined;
  const newLoads = loads.filter((key) => !seenLoads.has(key));
  const newChanges = changes.filter((c) => !through || comparePosition(c.last, through) > 0);
  const lastChange = newChanges.at(-1);
  const bookmark: DatabaseBookmark = {
    loadFiles: loads,
    cdcThrough: lastChange ? { lsn: formatLsn(lastChange.last.lsn), seq: lastChange.last.seq } : previous.cdcThrough,
  };
  return { files: [...newLoads, ...newChanges.map((c) => c.key)], bookmark };
}

function bookmarkLsn(table: string, text: string): bigint {
  const lsn = tryParseLsn(text);
  if (lsn === undefined) {
    throw new EtlError(
      'state-corrupt',
      `The ETL bookmark of pg_${table} holds cdcThrough.lsn "${text}", which is not a PostgreSQL LSN such as 16/B374D848; fix or delete the bookmark (the job then reads every committed file again).`,
    );
  }
  return lsn;
}

export interface CsvFileSelection {
  readonly files: readonly ObjectInfo[];
  readonly marks: readonly CsvFileMark[];
}

/** CSV files under `raw/csv/<table>/` not yet processed (new keys, or keys whose size or checksum changed). */
export async function selectCsvFiles(
  store: ObjectStore,
  table: string,
  since: readonly CsvFileMark[] = [],
): Promise<CsvFileSelection> {
  const seen = new Map(since.map((m) => [m.key, m]));
  const files: ObjectInfo[] = [];
  const marks: CsvFileMark[] = [];
  for await (const info of store.list(rawCsvPrefix(table))) {
    if (!info.key.toLowerCase().endsWith('.csv')) continue;
    const mark: CsvFileMark = { key: info.key, size: info.size, etag: info.etag ?? null };
    marks.push(mark);
    const before = seen.get(info.key);
    if (!before || before.size !== mark.size || before.etag !== mark.etag) files.push(info);
  }
  return { files, marks };
}
