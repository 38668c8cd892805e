import { PROPERTIES_PATH, type TableConfig } from '../config/table-config';
import { FileSystemView } from '../file-group/file-system-view';
import type { FileSlice } from '../file-group/file-slice';
import { parseTableSchema, type TableSchema } from '../schema/table-schema';
import type { Storage } from '../storage/storage';
import { toInstantTime } from '../timeline/instant-time';
import { Timeline } from '../timeline/timeline';
import { type PartitionFilter, partitionPathTest } from './partition-filter';

/**
 * The table context every operation works on: where the table lives, its configuration, and its timeline and
 * files as listed at one moment. Never changed in place: an operation that changes the table loads a new one
 * (`loadSnapshot`). HudiTable is one; clean, rollback and the writer take this type and import nothing back.
 */
export interface TableSnapshot {
  readonly storage: Storage;
  readonly config: TableConfig;
  readonly timeline: Timeline;
  readonly view: FileSystemView;
}

/** Lists the timeline and the files of a table whose configuration is known. */
export async function loadSnapshot(storage: Storage, config: TableConfig): Promise<TableSnapshot> {
  const [timeline, view] = await Promise.all([Timeline.load(storage), FileSystemView.list(storage)]);
  return { storage, config, timeline, view };
}

/** Data columns (no meta columns) of the latest schema: from the latest commit, else `hoodie.table.create.schema`. */
export async function snapshotSchema(snapshot: TableSnapshot): Promise<TableSchema> {
  const { storage, config, timeline } = snapshot;
  const fromCommit = await timeline.latestCommitSchema();
  if (fromCommit) return parseTableSchema(fromCommit, `the latest commit of ${storage.root}`);
  if (config.createSchema) return parseTableSchema(config.createSchema, `${storage.root}/${PROPERTIES_PATH}`);
  return { tableName: config.tableName, fields: [] };
}

/** Latest file slices visible as of an instant (all completed instants when undefined). */
export async function latestFileSlices(
  snapshot: TableSnapshot,
  asOf?: string | Date,
  partitionFilter?: PartitionFilter,
): Promise<FileSlice[]> {
  const { config, timeline, view } = snapshot;
  const instant = asOf === undefined ? undefined : toInstantTime(asOf, config.timelineTimezone);
  const completed = new Set(timeline.completedWritesUpTo(instant).map((i) => i.timestamp));
  const replaced = await timeline.replacedFileGroups(instant);
  const test = partitionPathTest(config, await snapshotSchema(snapshot), partitionFilter);
  return view.latestSlices({
    completedInstants: completed,
    replacedFileGroups: replaced,
    ...(test ? { partitionFilter: test } : {}),
  });
}
