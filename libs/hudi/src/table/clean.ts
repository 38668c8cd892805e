import { readAvroContainer, writeAvroContainer } from '../avro/container-file';
import { HOODIE_CLEAN_METADATA, HOODIE_CLEANER_PLAN } from '../avro/timeline-schemas';
import { fileGroupKey } from '../file-group/file-slice';
import type { Instant } from '../timeline/instant';
import { instantFileName } from '../timeline/instant';
import { newInstantTime } from '../timeline/instant-time';
import { InstantWriter } from '../timeline/instant-writer';
import { HOODIE_FOLDER } from '../timeline/timeline';
import { loadSnapshot, type TableSnapshot } from './table-snapshot';

const POLICY = 'KEEP_LATEST_COMMITS';

interface CleanerPlan {
  earliestInstantToRetain: { timestamp: string; action: string; state: string } | null;
  lastCompletedCommitTimestamp?: string;
  filePathsToBeDeletedPerPartition: Record<string, { filePath: string | null }[]> | null;
}

/**
 * KEEP_LATEST_COMMITS cleaning (hoodie.cleaner.commits.retained = `retained`): keeps every file slice
 * needed to read the table as of the last `retained` commits and deletes older slices and file groups
 * replaced before the earliest retained commit. Writes `.clean.requested` and `.clean.inflight`
 * (Avro HoodieCleanerPlan) and `.clean` (Avro HoodieCleanMetadata). Call while holding the writer lock, with
 * a snapshot taken under it; the snapshot is stale afterwards.
 */
export async function runCleaner(
  snapshot: TableSnapshot,
  retained: number,
): Promise<{ instant: string; filesDeleted: number } | undefined> {
  const table = await finishPendingCleans(snapshot);
  const writes = table.timeline.completedWrites();
  if (writes.length <= retained) return undefined;
  const earliest = writes[writes.length - retained] as Instant;
  const completed = new Set(writes.map((i) => i.timestamp));
  const replaced = await table.timeline.replacedFileGroups();
  const toDelete = new Map<string, string[]>();
  for (const group of table.view.fileGroups) {
    const slices = group.slices.filter((slice) => completed.has(slice.baseInstant));
    const replacedAt = replaced.get(fileGroupKey(group.partitionPath, group.fileId));
    const doomed =
      replacedAt !== undefined && replacedAt < earliest.timestamp
        ? slices
        : slices.filter((slice) => slice.baseInstant < earliest.timestamp).slice(0, -1);
    for (const slice of doomed)
      toDelete.set(slice.partitionPath, [...(toDelete.get(slice.partitionPath) ?? []), slice.baseFile.path]);
  }
  if (toDelete.size === 0) return undefined;
  const instant = newInstantTime(table.timeline.lastInstantTime(), table.config.timelineTimezone);
  const plan = {
    earliestInstantToRetain: { timestamp: earliest.timestamp, action: earliest.action, state: 'COMPLETED' },
    lastCompletedCommitTimestamp: writes.at(-1)?.timestamp ?? '',
    policy: POLICY,
    filesToBeDeletedPerPartition: {},
    version: 2,
    filePathsToBeDeletedPerPartition: Object.fromEntries(
      [...toDelete].map(([partition, paths]) => [
        partition,
        paths.map((p) => ({ filePath: table.storage.locate(p), isBootstrapBaseFile: false })),
      ]),
    ),
    partitionsToBeDeleted: [],
    extraMetadata: null,
  };
  const avroPlan = writeAvroContainer(HOODIE_CLEANER_PLAN, [plan]);
  const instants = new InstantWriter(table.storage);
  await instants.write(instant, 'clean', 'requested', avroPlan);
  await instants.write(instant, 'clean', 'inflight', avroPlan);
  const filesDeleted = await executeCleanPlan(table, instant, plan);
  return { instant, filesDeleted };
}

/** Completes cleans that were requested or started but never finished (a crash during cleaning); returns the table after them. */
async function finishPendingCleans(table: TableSnapshot): Promise<TableSnapshot> {
  const pending = table.timeline.pending('clean');
  for (const instant of pending) {
    const path = `${HOODIE_FOLDER}/${instantFileName(instant)}`;
    const { records } = readAvroContainer(await table.storage.read(path), table.storage.locate(path));
    const plan = records[0] as CleanerPlan;
    if (instant.state === 'requested')
      await new InstantWriter(table.storage).write(
        instant.timestamp,
        'clean',
        'inflight',
        await table.storage.read(path),
      );
    await executeCleanPlan(table, instant.timestamp, plan);
  }
  return pending.length > 0 ? loadSnapshot(table.storage, table.config) : table;
}

async function executeCleanPlan(table: TableSnapshot, instant: string, plan: CleanerPlan): Promise<number> {
  const started = Date.now();
  const root = table.storage.locate('');
  const partitionMetadata: Record<string, unknown> = {};
  let deleted = 0;
  for (const [partitionPath, files] of Object.entries(plan.filePathsToBeDeletedPerPartition ?? {})) {
    const names: string[] = [];
    const success: string[] = [];
    const failed: string[] = [];
    for (const { filePath } of files) {
      if (!filePath) continue;
      const relative = filePath.startsWith(`${root}/`) ? filePath.slice(root.length + 1) : filePath;
      const name = relative.split('/').pop() ?? relative;
      names.push(name);
      try {
        await table.storage.delete(relative);
        success.push(name);
        deleted++;
      } catch {
        failed.push(name);
      }
    }
    partitionMetadata[partitionPath] = {
      partitionPath,
      policy: POLICY,
      deletePathPatterns: names,
      successDeleteFiles: success,
      failedDeleteFiles: failed,
      isPartitionDeleted: false,
    };
  }
  const metadata = {
    startCleanTime: instant,
    timeTakenInMillis: Date.now() - started,
    totalFilesDeleted: deleted,
    earliestCommitToRetain: plan.earliestInstantToRetain?.timestamp ?? '',
    lastCompletedCommitTimestamp: plan.lastCompletedCommitTimestamp ?? '',
    partitionMetadata,
    version: 2,
    bootstrapPartitionMetadata: {},
    extraMetadata: null,
  };
  await new InstantWriter(table.storage).write(
    instant,
    'clean',
    'completed',
    writeAvroContainer(HOODIE_CLEAN_METADATA, [metadata]),
  );
  return deleted;
}
