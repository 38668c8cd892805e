import type { ObjectStore } from '@autocorp/lake-storage';
import { type JobDefinition, jobByName } from '@autocorp/etl-jobs';
import { latestInstant } from '../curated/curated-table';
import type { CommittedPosition } from '../raw/cdc-position';
import {
  type CsvFileSelection,
  type DatabaseFileSelection,
  selectCsvFiles,
  selectDatabaseFiles,
} from '../raw/list-raw-files';
import type { JobBookmark } from '../state/bookmarks';

/** What a run will read, per source view, and the bookmark it leaves after a commit. */
export interface JobInputs {
  readonly database: ReadonlyMap<string, DatabaseFileSelection>;
  readonly csv: ReadonlyMap<string, CsvFileSelection>;
  readonly curated: ReadonlyMap<string, string | null>;
  /** True when a source brings something the last successful run did not see. */
  readonly hasNewInput: boolean;
  /** Raw files read as new input (store keys). */
  readonly inputFiles: readonly string[];
  /** Raw CSV files of the sources that are taken out of the input (excludeRawFile): left in place, not read. */
  readonly excludedFiles: readonly string[];
  readonly nextBookmark: Omit<JobBookmark, 'runId' | 'updatedAt'>;
}

export async function planJobInputs(
  store: ObjectStore,
  job: JobDefinition,
  bookmark: JobBookmark,
  committed: CommittedPosition | undefined,
  excluded: ReadonlySet<string> = new Set(),
): Promise<JobInputs> {
  const database = new Map<string, DatabaseFileSelection>();
  const csv = new Map<string, CsvFileSelection>();
  const curated = new Map<string, string | null>();
  const nextDatabase: Record<string, JobBookmark['database'][string]> = { ...bookmark.database };
  const nextCsv: Record<string, JobBookmark['csv'][string]> = { ...bookmark.csv };
  const nextCurated: Record<string, string | null> = { ...bookmark.curated };
  const inputFiles: string[] = [];
  const excludedFiles: string[] = [];
  let hasNewInput = false;
  for (const source of job.sources) {
    if (source.kind === 'database') {
      const since = source.read === 'changes' ? bookmark.database[source.table] : undefined;
      const selection = await selectDatabaseFiles(
        store,
        source.table,
        committed,
        since ?? (source.read === 'changes' ? { loadFiles: [], cdcThrough: null } : undefined),
      );
      database.set(source.view, selection);
      if (source.read === 'changes') {
        nextDatabase[source.table] = selection.bookmark;
        if (selection.files.length > 0) hasNewInput = true;
        inputFiles.push(...selection.files);
      }
    } else if (source.kind === 'csv') {
      const listed = await selectCsvFiles(store, source.table, bookmark.csv[source.table]);
      // A taken-out file is neither read nor marked as processed, so that restoring it brings it back.
      const selection: CsvFileSelection = {
        files: listed.files.filter((f) => !excluded.has(f.key)),
        marks: listed.marks.filter((m) => !excluded.has(m.key)),
      };
      excludedFiles.push(...listed.marks.filter((m) => excluded.has(m.key)).map((m) => m.key));
      csv.set(source.view, selection);
      nextCsv[source.table] = selection.marks;
      if (selection.files.length > 0) hasNewInput = true;
      inputFiles.push(...selection.files.map((f) => f.key));
    } else {
      const instant = (await latestInstant(store, jobByName(source.job))) ?? null;
      curated.set(source.view, instant);
      nextCurated[source.job] = instant;
      if (instant !== null && instant !== (bookmark.curated[source.job] ?? null)) hasNewInput = true;
    }
  }
  return {
    database,
    csv,
    curated,
    hasNewInput,
    inputFiles,
    excludedFiles,
    nextBookmark: { version: 1, job: job.name, database: nextDatabase, csv: nextCsv, curated: nextCurated },
  };
}
