import { fileGroupKey, type FileSlice } from '../../file-group/file-slice';
import { tableAvroSchema, type TableField } from '../../schema/table-schema';
import type { Storage } from '../../storage/storage';
import { type CommitMetadata, serializeCommitMetadata, type WriteStat } from '../../timeline/commit-metadata';
import { InstantWriter, markerFolder } from '../../timeline/instant-writer';
import { OPERATION_TYPE, type WritePlan } from './write-plan';

/** What a commit records: the plan's operation and replaced file groups, the files written and the schema after the write. */
export interface CommitInput {
  readonly instant: string;
  readonly plan: Pick<WritePlan, 'operation' | 'action' | 'replaced'>;
  readonly tableName: string;
  /** Columns of the table after this write (the commit's `extraMetadata.schema`). */
  readonly fields: readonly TableField[];
  /** Write stats of the base files written, by partition. */
  readonly stats: ReadonlyMap<string, WriteStat[]>;
  /** More `extraMetadata` entries (WriteOptions.extraMetadata); `schema` is always the table's. */
  readonly extraMetadata?: Readonly<Record<string, string>>;
}

/** Totals of a committed write, summed over its write stats. */
export interface CommitCounts {
  numWrites: number;
  numInserts: number;
  numUpdates: number;
  numDeletes: number;
  /** `partition/fileId` of the file groups replaced. */
  fileGroupsReplaced: string[];
}

/** The completed instant's HoodieCommitMetadata (with `partitionToReplaceFileIds` for a replacecommit). */
export function commitMetadataOf(input: CommitInput): CommitMetadata {
  const metadata: CommitMetadata = {
    partitionToWriteStats: Object.fromEntries(input.stats),
    compacted: false,
    extraMetadata: { ...input.extraMetadata, schema: tableAvroSchema(input.tableName, [...input.fields]) },
    operationType: OPERATION_TYPE[input.plan.operation],
  };
  if (input.plan.action === 'replacecommit') {
    const byPartition: Record<string, string[]> = {};
    for (const slice of input.plan.replaced) (byPartition[slice.partitionPath] ??= []).push(slice.fileId);
    metadata.partitionToReplaceFileIds = byPartition;
  }
  return metadata;
}

/** Sums the write stats; names the replaced file groups. */
export function commitCounts(stats: ReadonlyMap<string, WriteStat[]>, replaced: readonly FileSlice[]): CommitCounts {
  const all = [...stats.values()].flat();
  return {
    numWrites: all.reduce((n, s) => n + s.numWrites, 0),
    numInserts: all.reduce((n, s) => n + s.numInserts, 0),
    numUpdates: all.reduce((n, s) => n + s.numUpdateWrites, 0),
    numDeletes: all.reduce((n, s) => n + s.numDeletes, 0),
    fileGroupsReplaced: replaced.map((slice) => fileGroupKey(slice.partitionPath, slice.fileId)),
  };
}

/**
 * The commit phase: writes the completed instant (atomically: from this moment readers see the write), then
 * removes the write's markers. The requested and inflight instants must exist.
 */
export async function commitWrite(storage: Storage, input: CommitInput): Promise<CommitCounts> {
  await new InstantWriter(storage).write(
    input.instant,
    input.plan.action,
    'completed',
    serializeCommitMetadata(commitMetadataOf(input)),
  );
  await storage.deleteFolder(markerFolder(input.instant));
  return commitCounts(input.stats, input.plan.replaced);
}
