import { HudiError } from '../hudi-error';

/** Per-file statistics of a commit (HoodieWriteStat), as serialised in commit JSON. */
export interface WriteStat {
  fileId: string;
  path: string | null;
  cdcStats: null;
  prevCommit: string;
  numWrites: number;
  numDeletes: number;
  numUpdateWrites: number;
  numInserts: number;
  totalWriteBytes: number;
  totalWriteErrors: number;
  tempPath: string | null;
  partitionPath: string | null;
  totalLogRecords: number;
  totalLogFilesCompacted: number;
  totalLogSizeCompacted: number;
  totalUpdatedRecordsCompacted: number;
  totalLogBlocks: number;
  totalCorruptLogBlock: number;
  totalRollbackBlocks: number;
  fileSizeInBytes: number;
  minEventTime: number | null;
  maxEventTime: number | null;
  runtimeStats: { totalScanTime: number; totalUpsertTime: number; totalCreateTime: number } | null;
}

/** Hudi's WriteOperationType names used in `operationType`. */
export type WriteOperationType =
  'UPSERT' | 'INSERT' | 'BULK_INSERT' | 'DELETE' | 'INSERT_OVERWRITE' | 'INSERT_OVERWRITE_TABLE';

/** HoodieCommitMetadata / HoodieReplaceCommitMetadata JSON. */
export interface CommitMetadata {
  partitionToWriteStats: Record<string, WriteStat[]>;
  compacted: boolean;
  extraMetadata: Record<string, string>;
  operationType: WriteOperationType | string;
  partitionToReplaceFileIds?: Record<string, string[]>;
}

/** A write stat with every counter at zero, to be filled in. */
export function emptyWriteStat(fileId: string, partitionPath: string | null): WriteStat {
  return {
    fileId,
    path: null,
    cdcStats: null,
    prevCommit: 'null',
    numWrites: 0,
    numDeletes: 0,
    numUpdateWrites: 0,
    numInserts: 0,
    totalWriteBytes: 0,
    totalWriteErrors: 0,
    tempPath: null,
    partitionPath,
    totalLogRecords: 0,
    totalLogFilesCompacted: 0,
    totalLogSizeCompacted: 0,
    totalUpdatedRecordsCompacted: 0,
    totalLogBlocks: 0,
    totalCorruptLogBlock: 0,
    totalRollbackBlocks: 0,
    fileSizeInBytes: 0,
    minEventTime: null,
    maxEventTime: null,
    runtimeStats: null,
  };
}

export function parseCommitMetadata(text: string, what: string): CommitMetadata {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new HudiError(
      'corrupt-timeline',
      `${what} is not valid commit JSON (${(error as Error).message}); restore it from a backup or roll the instant back.`,
      {
        cause: error,
      },
    );
  }
  const meta = parsed as Partial<CommitMetadata>;
  return {
    partitionToWriteStats: meta.partitionToWriteStats ?? {},
    compacted: meta.compacted ?? false,
    extraMetadata: meta.extraMetadata ?? {},
    operationType: meta.operationType ?? 'UNKNOWN',
    ...(meta.partitionToReplaceFileIds ? { partitionToReplaceFileIds: meta.partitionToReplaceFileIds } : {}),
  };
}

/** Serialises commit metadata as pretty JSON (the layout Hudi's Jackson mapper produces, modulo spacing). */
export function serializeCommitMetadata(meta: CommitMetadata): string {
  return JSON.stringify(meta, null, 2);
}
