import { hostname } from 'node:os';
import { HudiError } from '../hudi-error';
import type { Storage } from '../storage/storage';
import { HOODIE_FOLDER } from '../timeline/timeline';

export const LOCK_PATH = `${HOODIE_FOLDER}/writer.lock`;

/** Who holds the writer lock of a table. */
export interface LockOwner {
  pid: number;
  host: string;
  acquiredAt: string;
  operation: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOptions {
  /** A lock taken on another host is considered abandoned after this many ms (default 6 hours). */
  foreignLockStaleAfterMs?: number;
}

/**
 * One writer per table: an exclusive `.hoodie/writer.lock` holding the owner's pid, host and time.
 * A lock whose owner process is dead (same host), or older than `foreignLockStaleAfterMs` (other host), is taken over.
 */
export class TableLock {
  private constructor(
    private readonly storage: Storage,
    readonly owner: LockOwner,
  ) {}

  static async acquire(storage: Storage, operation: string, options: LockOptions = {}): Promise<TableLock> {
    const owner: LockOwner = { pid: process.pid, host: hostname(), acquiredAt: new Date().toISOString(), operation };
    const content = JSON.stringify(owner);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await storage.createExclusive(LOCK_PATH, content)) return new TableLock(storage, owner);
      const existingText = await storage.read(LOCK_PATH).then(
        (b) => b.toString('utf8'),
        () => undefined,
      );
      if (existingText === undefined) continue;
      let existing: LockOwner | undefined;
      try {
        existing = JSON.parse(existingText) as LockOwner;
      } catch {
        existing = undefined;
      }
      if (existing && !TableLock.isStale(existing, options)) {
        throw new HudiError(
          'table-locked',
          `Table ${storage.root} is being written by process ${existing.pid} on ${existing.host} (${existing.operation}, since ${existing.acquiredAt}). Wait for it to finish; if that process is gone, delete ${storage.locate(LOCK_PATH)}.`,
        );
      }
      const again = await storage.read(LOCK_PATH).then(
        (b) => b.toString('utf8'),
        () => undefined,
      );
      if (again === existingText) await storage.delete(LOCK_PATH);
    }
    throw new HudiError('table-locked', `Could not take the writer lock ${storage.locate(LOCK_PATH)} of table ${storage.root}; another writer keeps taking it. Retry later.`);
  }

  private static isStale(owner: LockOwner, options: LockOptions): boolean {
    if (owner.host === hostname()) return !processAlive(owner.pid);
    const age = Date.now() - Date.parse(owner.acquiredAt);
    return Number.isFinite(age) && age > (options.foreignLockStaleAfterMs ?? 6 * 3600_000);
  }

  async release(): Promise<void> {
    const text = await this.storage.read(LOCK_PATH).then(
      (b) => b.toString('utf8'),
      () => undefined,
    );
    if (text !== undefined && (JSON.parse(text) as LockOwner).pid === this.owner.pid && (JSON.parse(text) as LockOwner).acquiredAt === this.owner.acquiredAt) {
      await this.storage.delete(LOCK_PATH);
    }
  }
}
