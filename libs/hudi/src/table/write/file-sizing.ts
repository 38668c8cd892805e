import type { FileSlice } from '../../file-group/file-slice';
import type { Timeline } from '../../timeline/timeline';

/** Where a range of new records of one partition goes: `rn` in `(from, to]` of that partition's inserts. */
export interface InsertBucket {
  partitionPath: string;
  /** An existing small file slice to grow, or undefined for a new file group. */
  smallFile: FileSlice | undefined;
  from: number;
  to: number;
}

export interface SizingSettings {
  maxFileSizeBytes: number;
  smallFileLimitBytes: number;
  averageRecordSize: number;
}

/**
 * Hudi's UpsertPartitioner rule: per partition, new records first top up small files (below the small file
 * limit) to the maximum file size, then fill new file groups of at most maxFileSize / averageRecordSize records.
 */
export function assignInserts(
  insertCounts: Map<string, number>,
  smallFiles: Map<string, FileSlice[]>,
  settings: SizingSettings,
): InsertBucket[] {
  const perFile = Math.max(1, Math.floor(settings.maxFileSizeBytes / Math.max(1, settings.averageRecordSize)));
  const buckets: InsertBucket[] = [];
  for (const [partitionPath, count] of insertCounts) {
    let assigned = 0;
    for (const slice of smallFiles.get(partitionPath) ?? []) {
      if (assigned >= count) break;
      if (settings.smallFileLimitBytes <= 0 || slice.baseFile.size >= settings.smallFileLimitBytes) continue;
      const room = Math.floor(
        (settings.maxFileSizeBytes - slice.baseFile.size) / Math.max(1, settings.averageRecordSize),
      );
      if (room <= 0) continue;
      const take = Math.min(room, count - assigned);
      buckets.push({ partitionPath, smallFile: slice, from: assigned, to: assigned + take });
      assigned += take;
    }
    const remaining = count - assigned;
    if (remaining <= 0) continue;
    const files = Math.ceil(remaining / perFile);
    const each = Math.ceil(remaining / files);
    for (let i = 0; i < files; i++) {
      const to = Math.min(count, assigned + each);
      buckets.push({ partitionPath, smallFile: undefined, from: assigned, to });
      assigned = to;
    }
  }
  return buckets;
}

/** Bytes per record from the newest commit that wrote enough data to measure, else the estimate (AverageRecordSizeUtils). */
export async function averageRecordSize(timeline: Timeline, estimate: number): Promise<number> {
  const writes = timeline.completedWrites();
  for (let i = writes.length - 1; i >= 0; i--) {
    const meta = await timeline.commitMetadata(writes[i]!);
    let bytes = 0;
    let records = 0;
    for (const stats of Object.values(meta.partitionToWriteStats)) {
      for (const stat of stats) {
        bytes += stat.totalWriteBytes;
        records += stat.numWrites;
      }
    }
    if (records > 0 && bytes >= 16 * 1024 * 1024) return Math.max(1, Math.ceil(bytes / records));
  }
  return estimate;
}
