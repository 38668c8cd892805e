import type { ObjectStore } from '@autocorp/lake-storage';
import {
  DELETED_KEYS_METADATA_KEY,
  INCREMENTAL_SAFE_OPERATIONS,
  type JobDefinition,
  duckdbType,
  jobByName,
} from '@autocorp/etl-jobs';
import type { HudiTable } from '@autocorp/hudi';
import { openCuratedTable } from '../curated/curated-table';
import type { JobBookmark } from '../state/bookmarks';

/** The changes of one curated source since the job last consumed it: commits in `(begin, end]`. */
export interface SourceChanges {
  readonly view: string;
  readonly job: JobDefinition;
  readonly table: HudiTable | undefined;
  readonly begin: string;
  readonly end: string;
  /** The deleted record keys each delete commit in the range recorded (JSON arrays of key objects). */
  readonly deletedKeys: readonly string[];
}

/** How a run of a job with an incremental plan refreshes its table. */
export type RefreshPlan =
  | { readonly mode: 'full'; readonly reason: string }
  | { readonly mode: 'incremental'; readonly sources: readonly SourceChanges[] };

/**
 * Incremental when the job has a plan, was not asked for a full rebuild, its table has a commit, and every
 * curated source has a bookmarked instant still on its timeline with only upserts, inserts and deletes
 * (each delete with its recorded keys) after it. Otherwise a full rebuild, with the reason.
 * `ends` holds each source view's latest instant (JobInputs.curated).
 */
export async function planRefresh(
  store: ObjectStore,
  job: JobDefinition,
  bookmark: JobBookmark,
  ends: ReadonlyMap<string, string | null>,
  full: boolean,
): Promise<RefreshPlan> {
  if (full) return { mode: 'full', reason: 'a full rebuild was asked for' };
  const own = await openCuratedTable(store, job);
  if (!own || own.commits().length === 0) return { mode: 'full', reason: 'first build of the table' };
  const sources: SourceChanges[] = [];
  for (const source of job.sources) {
    if (source.kind !== 'curated') return { mode: 'full', reason: `source ${source.view} is not a curated table` };
    const begin = bookmark.curated[source.job] ?? null;
    const end = ends.get(source.view) ?? null;
    if (begin === null || end === null) return { mode: 'full', reason: `no instant of ${source.job} consumed yet` };
    const upstream = jobByName(source.job);
    if (begin === end) {
      sources.push({ view: source.view, job: upstream, table: undefined, begin, end, deletedKeys: [] });
      continue;
    }
    const table = await openCuratedTable(store, upstream);
    const writes = table?.timeline.completedWrites() ?? [];
    if (!table || !writes.some((i) => i.timestamp === begin))
      return { mode: 'full', reason: `instant ${begin} of ${source.job} is no longer on its timeline` };
    const deletedKeys: string[] = [];
    for (const instant of writes.filter((i) => i.timestamp > begin && i.timestamp <= end)) {
      const meta = await table.timeline.commitMetadata(instant);
      if (!(INCREMENTAL_SAFE_OPERATIONS as readonly string[]).includes(meta.operationType))
        return { mode: 'full', reason: `${source.job} was rewritten (${meta.operationType} at ${instant.timestamp})` };
      if (meta.operationType !== 'DELETE') continue;
      const keys = meta.extraMetadata[DELETED_KEYS_METADATA_KEY];
      if (keys === undefined)
        return { mode: 'full', reason: `the delete ${instant.timestamp} of ${source.job} recorded no deleted keys` };
      deletedKeys.push(keys);
    }
    sources.push({ view: source.view, job: upstream, table, begin, end, deletedKeys });
  }
  return { mode: 'incremental', sources };
}

/** DuckDB `from_json` structure of a job's record key fields: `[{"field":"TYPE",...}]`. */
export function recordKeyJsonStructure(job: JobDefinition): string {
  const fields = job.hudi.recordKeyFields.map((name) => {
    const column = job.columns.find((c) => c.name === name);
    return `${JSON.stringify(name)}:${JSON.stringify(column ? duckdbType(column.type) : 'VARCHAR')}`;
  });
  return `[{${fields.join(',')}}]`;
}
