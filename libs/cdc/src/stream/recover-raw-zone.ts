import type { ObjectStore } from '../lake/object-store';
import {
  type ChangePosition,
  comparePositions,
  parseCdcFileKey,
  parseFileTime,
  rawDatabasePrefix,
} from '@autocorp/lake-storage';

export interface RecoveryResult {
  /** CDC files of an unfinished batch (beyond the stored position), deleted. */
  readonly deleted: readonly string[];
  /** Per table, the time in its newest remaining CDC file name. */
  readonly lastFileTime: Map<string, Date>;
}

/**
 * Makes the raw zone agree with the stored position: files holding changes beyond it come from
 * a batch whose position was never stored (a crash between upload and state write); they are
 * deleted and their changes replayed from the slot.
 */
export async function recoverRawZone(
  store: ObjectStore,
  tables: readonly string[],
  position: ChangePosition,
): Promise<RecoveryResult> {
  const deleted: string[] = [];
  const lastFileTime = new Map<string, Date>();
  for (const table of tables) {
    const beyond: string[] = [];
    for await (const info of store.list(rawDatabasePrefix(table))) {
      const name = parseCdcFileKey(info.key);
      if (!name) continue;
      if (comparePositions(name.last, position) > 0) {
        beyond.push(info.key);
        continue;
      }
      const time = parseFileTime(name.time);
      const previous = lastFileTime.get(table);
      if (!previous || time > previous) lastFileTime.set(table, time);
    }
    for (const key of beyond) {
      await store.delete(key);
      deleted.push(key);
    }
  }
  return { deleted, lastFileTime };
}
