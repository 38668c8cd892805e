import {
  type ObjectInfo,
  type ObjectStore,
  parseRawCsvVersionedName,
  rawCsvPartitionPrefix,
  rawCsvStem,
  rawCsvVersionKey,
} from '@autocorp/lake-storage';

/** Where a verified file is published: its table, landing day, source file name and sha256. */
export interface VersionTarget {
  readonly table: string;
  readonly ingestDate: string;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Publishes a verified staged file as the next version of its file name in its table's partition
 * of the day (`<stem>.v<NNNN>.<sha256 prefix>.csv`, one more than the highest there), so nothing
 * landed earlier is overwritten and key order is landing order. The staged copy is removed.
 * Runs against one store must not overlap (two runs could pick the same number).
 */
export async function publishCsvVersion(
  store: ObjectStore,
  stagingKey: string,
  target: VersionTarget,
): Promise<ObjectInfo> {
  const prefix = rawCsvPartitionPrefix(target.table, target.ingestDate);
  const stem = rawCsvStem(target.file);
  let last = 0;
  for await (const info of store.list(prefix)) {
    const version = parseRawCsvVersionedName(info.key.slice(prefix.length));
    if (version?.stem === stem) last = Math.max(last, version.sequence);
  }
  const key = rawCsvVersionKey(target.table, target.ingestDate, target.file, {
    sequence: last + 1,
    sha256: target.sha256,
  });
  try {
    return await store.copy(stagingKey, key);
  } finally {
    await store.delete(stagingKey);
  }
}
