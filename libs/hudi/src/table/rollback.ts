import { writeAvroContainer } from '../avro/container-file';
import { HOODIE_ROLLBACK_METADATA, HOODIE_ROLLBACK_PLAN } from '../avro/timeline-schemas';
import type { BaseFile } from '../file-group/base-file';
import type { Instant } from '../timeline/instant';
import { newInstantTime } from '../timeline/instant-time';
import { InstantWriter, markerFolder } from '../timeline/instant-writer';
import type { HudiTable } from './hudi-table';

/**
 * Rolls back every data instant that never completed (a writer that crashed or failed): deletes the base
 * files it wrote and records a rollback as Hudi 0.14/0.15 does at table version 6
 * (`.rollback.requested` Avro HoodieRollbackPlan, empty `.rollback.inflight`, `.rollback` Avro
 * HoodieRollbackMetadata), then removes the failed instant's files. Call only while holding the writer lock.
 */
export async function rollbackFailedWrites(table: HudiTable): Promise<string[]> {
  const pending = table.timeline.pendingWrites();
  const done: string[] = [];
  let last = table.timeline.lastInstantTime();
  for (const failed of pending) {
    last = await rollbackInstant(table, failed, last);
    done.push(failed.timestamp);
  }
  if (done.length > 0) await table.refresh();
  return done;
}

async function rollbackInstant(table: HudiTable, failed: Instant, last: string | undefined): Promise<string> {
  const { storage } = table;
  const started = Date.now();
  const rollbackTime = newInstantTime(last, table.config.timelineTimezone);
  const files: BaseFile[] = table.view.fileGroups.flatMap((group) => group.slices.filter((slice) => slice.baseInstant === failed.timestamp).map((slice) => slice.baseFile));
  const byPartition = new Map<string, BaseFile[]>();
  for (const file of files) byPartition.set(file.partitionPath, [...(byPartition.get(file.partitionPath) ?? []), file]);
  const instantInfo = { commitTime: failed.timestamp, action: failed.action };
  const plan = {
    instantToRollback: instantInfo,
    RollbackRequests: [...byPartition].map(([partitionPath, partFiles]) => ({
      partitionPath,
      fileId: null,
      latestBaseInstant: null,
      filesToBeDeleted: partFiles.map((f) => storage.locate(f.path)),
      logBlocksToBeDeleted: null,
    })),
    version: 1,
  };
  const instants = new InstantWriter(storage);
  await instants.write(rollbackTime, 'rollback', 'requested', writeAvroContainer(HOODIE_ROLLBACK_PLAN, [plan]));
  await instants.write(rollbackTime, 'rollback', 'inflight');
  const partitionMetadata: Record<string, unknown> = {};
  let deleted = 0;
  for (const [partitionPath, partFiles] of byPartition) {
    const success: string[] = [];
    const failedDeletes: string[] = [];
    for (const file of partFiles) {
      try {
        await storage.delete(file.path);
        success.push(storage.locate(file.path));
        deleted++;
      } catch {
        failedDeletes.push(storage.locate(file.path));
      }
    }
    partitionMetadata[partitionPath] = { partitionPath, successDeleteFiles: success, failedDeleteFiles: failedDeletes, rollbackLogFiles: null, writtenLogFiles: null };
  }
  const metadata = {
    startRollbackTime: rollbackTime,
    timeTakenInMillis: Date.now() - started,
    totalFilesDeleted: deleted,
    commitsRollback: [failed.timestamp],
    partitionMetadata,
    version: 1,
    instantsRollback: [instantInfo],
  };
  await instants.write(rollbackTime, 'rollback', 'completed', writeAvroContainer(HOODIE_ROLLBACK_METADATA, [metadata]));
  await instants.removePending(failed.timestamp, failed.action);
  await storage.deleteFolder(markerFolder(failed.timestamp));
  return rollbackTime;
}
