import { serializeProperties } from '../config/properties-file';
import type { Storage } from '../storage/storage';
import { joinPath } from './base-file';

export const PARTITION_METADATA_FILE = '.hoodie_partition_metadata';

/** Writes `.hoodie_partition_metadata` (commitTime, partitionDepth) into a partition unless it is there. */
export async function ensurePartitionMetadata(storage: Storage, partitionPath: string, instant: string): Promise<void> {
  const path = joinPath(partitionPath, PARTITION_METADATA_FILE);
  if (await storage.exists(path)) return;
  const depth = partitionPath === '' ? 0 : partitionPath.split('/').length;
  const props = new Map([
    ['commitTime', instant],
    ['partitionDepth', String(depth)],
  ]);
  await storage.writeAtomic(path, serializeProperties(props, 'partition metadata'));
}
