import { makeWriteToken, newFileId as randomFileId } from '../../file-group/base-file';
import type { FileSlice } from '../../file-group/file-slice';
import {
  type CommitMetadata,
  emptyWriteStat,
  type WriteOperationType,
  type WriteStat,
} from '../../timeline/commit-metadata';
import { assignInserts, type SizingSettings } from './file-sizing';
import type { WriteOperation } from './write-options';

export const OPERATION_TYPE: Record<WriteOperation, WriteOperationType> = {
  upsert: 'UPSERT',
  insert: 'INSERT',
  bulk_insert: 'BULK_INSERT',
  delete: 'DELETE',
  insert_overwrite: 'INSERT_OVERWRITE',
  insert_overwrite_table: 'INSERT_OVERWRITE_TABLE',
};

/** The timeline action of an operation: overwrites replace file groups. */
export function actionOf(operation: WriteOperation): 'commit' | 'replacecommit' {
  return operation === 'insert_overwrite' || operation === 'insert_overwrite_table' ? 'replacecommit' : 'commit';
}

/** What the plan is made from: the table's latest slices and the counts of the tagged records. */
export interface PlanInput {
  readonly operation: WriteOperation;
  /** The latest file slices before the write. */
  readonly slices: readonly FileSlice[];
  /** A slice's base file location, as the tagged records' `__hudi_file` names it. */
  readonly locate: (slice: FileSlice) => string;
  /** Partitions the records name. */
  readonly touched: ReadonlySet<string>;
  /** Per stored file location: records updating it and records leaving it (GLOBAL_SIMPLE moves). */
  readonly perStoredFile: ReadonlyMap<string, { updates: number; moves: number }>;
  /** Per partition: new records (not read for deletes). */
  readonly insertsPerPartition: ReadonlyMap<string, number>;
  readonly sizing: SizingSettings;
  /** New file group ids (random UUIDs unless given). */
  readonly newFileId?: () => string;
}

/** One base file the write produces: a rewrite of a stored file group (MERGE) or a new file group (CREATE). */
export interface PlannedFileGroup {
  readonly partitionPath: string;
  readonly fileId: string;
  /** Index of the write task: in the write token and in `_hoodie_commit_seqno`. */
  readonly task: number;
  readonly writeToken: string;
  readonly ioType: 'CREATE' | 'MERGE';
  /** The slice a MERGE rewrites and its location; undefined for CREATE. */
  readonly previous: { readonly slice: FileSlice; readonly location: string } | undefined;
  /** Whether the tagged records updating the stored file go in (none for a delete). */
  readonly takesUpdates: boolean;
  readonly updates: number;
  readonly deletes: number;
  readonly inserts: number;
  /** Slices `(from, to]` of the partition's new records (`__hudi_rn`) that go into this file. */
  readonly insertRanges: readonly { readonly from: number; readonly to: number }[];
}

export interface WritePlan {
  readonly operation: WriteOperation;
  readonly action: 'commit' | 'replacecommit';
  /** Rewritten file groups first, then new ones, in task order. */
  readonly fileGroups: readonly PlannedFileGroup[];
  /** Slices whose file groups the write replaces (insert_overwrite*). */
  readonly replaced: readonly FileSlice[];
}

interface MergeTarget {
  slice: FileSlice;
  location: string;
  takesUpdates: boolean;
  updates: number;
  deletes: number;
  inserts: number;
  insertRanges: { from: number; to: number }[];
}

/**
 * The plan phase of a write, with no I/O: which stored file groups are rewritten (updates, deletes, small files
 * topped up with new records, as Hudi's UpsertPartitioner does) and which new file groups take the rest.
 */
export function planWrite(input: PlanInput): WritePlan {
  const { operation, slices, locate } = input;
  const nextFileId = input.newFileId ?? randomFileId;
  const byLocation = new Map(slices.map((slice) => [locate(slice), slice]));
  const isDelete = operation === 'delete';
  const growSmallFiles = operation === 'upsert' || operation === 'insert';
  const smallFiles = new Map<string, FileSlice[]>();
  if (growSmallFiles) {
    for (const slice of [...slices].sort((a, b) => a.baseFile.size - b.baseFile.size)) {
      smallFiles.set(slice.partitionPath, [...(smallFiles.get(slice.partitionPath) ?? []), slice]);
    }
  }
  const buckets = assignInserts(isDelete ? new Map() : new Map(input.insertsPerPartition), smallFiles, input.sizing);

  const targets = new Map<string, MergeTarget>();
  for (const [location, { updates, moves }] of input.perStoredFile) {
    const slice = byLocation.get(location);
    if (!slice) continue;
    targets.set(location, {
      slice,
      location,
      takesUpdates: !isDelete && updates > 0,
      updates: isDelete ? 0 : updates,
      deletes: isDelete ? updates + moves : moves,
      inserts: 0,
      insertRanges: [],
    });
  }
  for (const bucket of buckets) {
    if (!bucket.smallFile) continue;
    const location = locate(bucket.smallFile);
    const target = targets.get(location) ?? {
      slice: bucket.smallFile,
      location,
      takesUpdates: false,
      updates: 0,
      deletes: 0,
      inserts: 0,
      insertRanges: [],
    };
    target.insertRanges.push({ from: bucket.from, to: bucket.to });
    target.inserts += bucket.to - bucket.from;
    targets.set(location, target);
  }

  const fileGroups: PlannedFileGroup[] = [];
  for (const target of targets.values()) {
    const task = fileGroups.length;
    fileGroups.push({
      partitionPath: target.slice.partitionPath,
      fileId: target.slice.fileId,
      task,
      writeToken: makeWriteToken(task, 1, task),
      ioType: 'MERGE',
      previous: { slice: target.slice, location: target.location },
      takesUpdates: target.takesUpdates,
      updates: target.updates,
      deletes: target.deletes,
      inserts: target.inserts,
      insertRanges: target.insertRanges,
    });
  }
  for (const bucket of buckets) {
    if (bucket.smallFile) continue;
    const task = fileGroups.length;
    fileGroups.push({
      partitionPath: bucket.partitionPath,
      fileId: nextFileId(),
      task,
      writeToken: makeWriteToken(task, 1, task),
      ioType: 'CREATE',
      previous: undefined,
      takesUpdates: false,
      updates: 0,
      deletes: 0,
      inserts: bucket.to - bucket.from,
      insertRanges: [{ from: bucket.from, to: bucket.to }],
    });
  }
  const replaced =
    operation === 'insert_overwrite'
      ? slices.filter((slice) => input.touched.has(slice.partitionPath))
      : operation === 'insert_overwrite_table'
        ? [...slices]
        : [];
  return { operation, action: actionOf(operation), fileGroups, replaced };
}

/** The workload profile Hudi writes into the inflight instant: planned inserts and updates per partition. */
export function inflightProfile(plan: WritePlan): CommitMetadata {
  const partitionToWriteStats: Record<string, WriteStat[]> = {};
  for (const group of plan.fileGroups) {
    const stat = emptyWriteStat(group.previous ? group.fileId : '', null);
    if (group.previous) stat.prevCommit = group.previous.slice.baseInstant;
    (partitionToWriteStats[group.partitionPath] ??= []).push(stat);
  }
  return { partitionToWriteStats, compacted: false, extraMetadata: {}, operationType: OPERATION_TYPE[plan.operation] };
}
