import { readAvroContainer, writeAvroContainer } from '../avro/container-file';
import { HOODIE_ROLLBACK_METADATA, HOODIE_ROLLBACK_PLAN } from '../avro/timeline-schemas';
import type { BaseFile } from '../file-group/base-file';
import { HudiError } from '../hudi-error';
import type { Instant, InstantAction } from '../timeline/instant';
import { instantFileName } from '../timeline/instant';
import { newInstantTime } from '../timeline/instant-time';
import { InstantWriter, markerFolder } from '../timeline/instant-writer';
import { HOODIE_FOLDER } from '../timeline/timeline';
import { loadSnapshot, type TableSnapshot } from './table-snapshot';

/** Test hooks of a rollback: `afterFileDeleted` runs after each base file the rollback deletes. */
export interface RollbackHooks {
  afterRollbackFileDeleted?: (rollbackInstant: string, location: string) => Promise<void> | void;
}

/** The HoodieRollbackPlan record this engine writes and reads back (`.rollback.requested`). */
interface RollbackPlan {
  instantToRollback: { commitTime: string; action: string } | null;
  RollbackRequests: { partitionPath: string; filesToBeDeleted: string[] }[] | null;
  version: number;
}

/**
 * Rolls back every data instant that never completed (a writer that crashed or failed): deletes the base
 * files it wrote and records a rollback as Hudi 0.14/0.15 does at table version 6
 * (`.rollback.requested` Avro HoodieRollbackPlan, empty `.rollback.inflight`, `.rollback` Avro
 * HoodieRollbackMetadata). Rollbacks that were themselves interrupted (a `.rollback.requested` or
 * `.rollback.inflight` left by a killed process) are finished first, from their own plans, as Hudi's
 * BaseRollbackActionExecutor reuses a pending rollback. Call only while holding the writer lock, with a
 * snapshot taken under it. Returns the instants rolled back and the table after the rollbacks (the same
 * snapshot when there was nothing to do).
 */
export async function rollbackFailedWrites(
  snapshot: TableSnapshot,
  hooks: RollbackHooks = {},
): Promise<{ rolledBack: string[]; snapshot: TableSnapshot }> {
  const done: string[] = [];
  let table = snapshot;
  const pendingRollbacks = table.timeline.pending('rollback');
  for (const rollback of pendingRollbacks) done.push(await finishPendingRollback(table, rollback, hooks));
  if (pendingRollbacks.length > 0) table = await loadSnapshot(table.storage, table.config);
  let last = table.timeline.lastInstantTime();
  const pending = table.timeline.pendingWrites();
  for (const failed of pending) {
    last = await rollbackInstant(table, failed, last, hooks);
    done.push(failed.timestamp);
  }
  if (pending.length > 0) table = await loadSnapshot(table.storage, table.config);
  return { rolledBack: done, snapshot: table };
}

/** Re-runs the plan of a rollback a killed process left requested or inflight, and completes it. */
async function finishPendingRollback(table: TableSnapshot, rollback: Instant, hooks: RollbackHooks): Promise<string> {
  const requested = `${HOODIE_FOLDER}/${instantFileName({ ...rollback, state: 'requested' })}`;
  const where = table.storage.locate(requested);
  let plan: RollbackPlan;
  try {
    plan = readAvroContainer(await table.storage.read(requested), where).records[0] as RollbackPlan;
  } catch (error) {
    throw new HudiError(
      'corrupt-timeline',
      `The interrupted rollback ${rollback.timestamp} of table ${table.storage.root} has no readable plan (${where}: ${(error as Error).message}). Restore the file, or delete the rollback's .requested/.inflight files after checking that the instant it rolls back is gone.`,
      { cause: error },
    );
  }
  const target = plan.instantToRollback;
  if (!target)
    throw new HudiError(
      'corrupt-timeline',
      `The rollback plan ${where} of table ${table.storage.root} names no instant to roll back; delete the pending rollback files.`,
    );
  if (rollback.state === 'requested')
    await new InstantWriter(table.storage).write(rollback.timestamp, 'rollback', 'inflight');
  await executeRollbackPlan(table, rollback.timestamp, plan, Date.now(), hooks);
  return target.commitTime;
}

async function rollbackInstant(
  table: TableSnapshot,
  failed: Instant,
  last: string | undefined,
  hooks: RollbackHooks,
): Promise<string> {
  const { storage } = table;
  const started = Date.now();
  const rollbackTime = newInstantTime(last, table.config.timelineTimezone);
  const files: BaseFile[] = table.view.fileGroups.flatMap((group) =>
    group.slices.filter((slice) => slice.baseInstant === failed.timestamp).map((slice) => slice.baseFile),
  );
  const byPartition = new Map<string, BaseFile[]>();
  for (const file of files) byPartition.set(file.partitionPath, [...(byPartition.get(file.partitionPath) ?? []), file]);
  const plan: RollbackPlan & Record<string, unknown> = {
    instantToRollback: { commitTime: failed.timestamp, action: failed.action },
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
  await executeRollbackPlan(table, rollbackTime, plan, started, hooks);
  return rollbackTime;
}

/**
 * Deletes the plan's files (a file already gone counts as deleted: an earlier attempt removed it), then the
 * rolled-back instant's requested/inflight files and markers, and only then completes the rollback, as
 * Hudi does: whatever point a kill interrupts, the pending rollback's plan finishes the job.
 */
async function executeRollbackPlan(
  table: Pick<TableSnapshot, 'storage'>,
  rollbackTime: string,
  plan: RollbackPlan,
  started: number,
  hooks: RollbackHooks,
): Promise<void> {
  const { storage } = table;
  const root = storage.locate('');
  const partitionMetadata: Record<string, unknown> = {};
  let deleted = 0;
  for (const { partitionPath, filesToBeDeleted } of plan.RollbackRequests ?? []) {
    const success: string[] = [];
    const failedDeletes: string[] = [];
    for (const location of filesToBeDeleted) {
      const relative = location.startsWith(`${root}/`) ? location.slice(root.length + 1) : location;
      try {
        await storage.delete(relative);
        success.push(location);
        deleted++;
      } catch {
        failedDeletes.push(location);
      }
      await hooks.afterRollbackFileDeleted?.(rollbackTime, location);
    }
    partitionMetadata[partitionPath] = {
      partitionPath,
      successDeleteFiles: success,
      failedDeleteFiles: failedDeletes,
      rollbackLogFiles: null,
      writtenLogFiles: null,
    };
  }
  const target = plan.instantToRollback as { commitTime: string; action: string };
  const instants = new InstantWriter(storage);
  await instants.removePending(target.commitTime, target.action as InstantAction);
  await storage.deleteFolder(markerFolder(target.commitTime));
  const metadata = {
    startRollbackTime: rollbackTime,
    timeTakenInMillis: Date.now() - started,
    totalFilesDeleted: deleted,
    commitsRollback: [target.commitTime],
    partitionMetadata,
    version: 1,
    instantsRollback: [target],
  };
  await instants.write(rollbackTime, 'rollback', 'completed', writeAvroContainer(HOODIE_ROLLBACK_METADATA, [metadata]));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rolls back the write `instant` that just failed with `writeError` and returns the error to throw: the
 * write's own error, or, when the rollback fails too, a HudiError `write-failed` naming the table, both
 * failures and what to do, whose cause (an AggregateError) keeps both errors.
 */
export async function rollbackAfterFailedWrite(
  table: Pick<TableSnapshot, 'storage' | 'config'>,
  instant: string,
  writeError: unknown,
  hooks: RollbackHooks = {},
): Promise<unknown> {
  try {
    await rollbackFailedWrites(await loadSnapshot(table.storage, table.config), hooks);
    return writeError;
  } catch (rollbackError) {
    return new HudiError(
      'write-failed',
      `Write ${instant} on table ${table.storage.root} failed (${messageOf(writeError)}), and rolling it back failed too (${messageOf(rollbackError)}). Readers still see the table as of its last completed commit. Fix the cause of the rollback failure, then run the next write or HudiTable.maintain(), which rolls ${instant} back.`,
      { cause: new AggregateError([writeError, rollbackError], `write ${instant} and its rollback failed`) },
    );
  }
}
