import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { HudiWriteConfig } from '../config/hudi-configs';
import { HudiError } from '../hudi-error';
import type { Storage } from '../storage/storage';
import { HOODIE_FOLDER } from '../timeline/timeline';
import { processAlive, processStartTime } from './process-liveness';

export const LOCK_PATH = `${HOODIE_FOLDER}/writer.lock`;
/** Held for the moment it takes to remove an abandoned writer lock, so only one process removes it. */
const TAKEOVER_PATH = `${LOCK_PATH}.takeover`;

/** Who holds the writer lock of a table. */
export interface LockOwner {
  pid: number;
  host: string;
  acquiredAt: string;
  operation: string;
  /** The owner's start time (`<boot id>:<ticks>` on Linux), so a reused pid is not taken for the owner. */
  startTime?: string;
}

/** Time source of the lock's wait; inject one in tests. */
export interface LockClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const SYSTEM_CLOCK: LockClock = { now: () => Date.now(), sleep: (ms) => delay(ms) };

export interface LockOptions {
  /** A lock taken on another host is considered abandoned after this many ms (default 6 hours). */
  foreignLockStaleAfterMs?: number;
  /** How long to wait for a live holder to release the lock (Hudi's hoodie.write.lock.wait_time_ms); default 60 000. */
  waitMs?: number;
  /** Time between two looks at a held lock; default 250 ms. */
  pollMs?: number;
  clock?: LockClock;
}

interface LockFile {
  text: string;
  /** Undefined when the content is not a lock owner (written by something else than this engine). */
  owner: LockOwner | undefined;
}

async function readLockFile(storage: Storage, path: string): Promise<LockFile | undefined> {
  const text = await storage.read(path).then(
    (b) => b.toString('utf8'),
    () => undefined,
  );
  if (text === undefined) return undefined;
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: typeof owner?.pid === 'number' && typeof owner.host === 'string' ? owner : undefined };
  } catch {
    return { text, owner: undefined };
  }
}

/**
 * One writer per table: `.hoodie/writer.lock` holding the owner's pid, start time, host and time, created
 * atomically with its content (Storage.createExclusive), so no one ever reads it half-written. A lock whose
 * owner is gone (same host: no such process, a zombie, or the pid reused by a later process), or older than
 * `foreignLockStaleAfterMs` (other host), is taken over; a live holder is waited for up to `waitMs`.
 */
export class TableLock {
  private constructor(
    private readonly storage: Storage,
    readonly owner: LockOwner,
  ) {}

  static async acquire(storage: Storage, operation: string, options: LockOptions = {}): Promise<TableLock> {
    const clock = options.clock ?? SYSTEM_CLOCK;
    const startTime = processStartTime(process.pid);
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      acquiredAt: new Date(clock.now()).toISOString(),
      operation,
      ...(startTime ? { startTime } : {}),
    };
    const content = JSON.stringify(owner);
    const waitMs = options.waitMs ?? HudiWriteConfig.LOCK_WAIT_TIME_MS.default;
    const deadline = clock.now() + waitMs;
    let vanished = 0;
    for (;;) {
      if (await storage.createExclusive(LOCK_PATH, content)) return new TableLock(storage, owner);
      let existing = await readLockFile(storage, LOCK_PATH);
      // Released between our two looks: try again at once (a lock that exists but never reads is waited for).
      if (existing === undefined && ++vanished < 100) continue;
      existing ??= { text: '', owner: undefined };
      if (
        existing.owner &&
        TableLock.isStale(existing.owner, options) &&
        (await TableLock.takeOver(storage, existing.text, content, options))
      )
        continue;
      const now = clock.now();
      if (now >= deadline) throw TableLock.lockedError(storage, existing, waitMs);
      await clock.sleep(Math.min(options.pollMs ?? 250, deadline - now));
    }
  }

  /** Removes an abandoned lock (still holding `staleText`) under the takeover lock; false when another process is taking it over. */
  private static async takeOver(
    storage: Storage,
    staleText: string,
    content: string,
    options: LockOptions,
  ): Promise<boolean> {
    if (!(await storage.createExclusive(TAKEOVER_PATH, content))) {
      // A process killed while taking over leaves the takeover lock behind: remove it when its owner is gone.
      const other = await readLockFile(storage, TAKEOVER_PATH);
      if (
        other?.owner &&
        TableLock.isStale(other.owner, options) &&
        (await readLockFile(storage, TAKEOVER_PATH))?.text === other.text
      )
        await storage.delete(TAKEOVER_PATH);
      return false;
    }
    try {
      if ((await readLockFile(storage, LOCK_PATH))?.text === staleText) await storage.delete(LOCK_PATH);
    } finally {
      await storage.delete(TAKEOVER_PATH);
    }
    return true;
  }

  private static isStale(owner: LockOwner, options: LockOptions): boolean {
    if (owner.host === hostname()) return !processAlive(owner.pid, owner.startTime);
    const age = Date.now() - Date.parse(owner.acquiredAt);
    return Number.isFinite(age) && age > (options.foreignLockStaleAfterMs ?? 6 * 3600_000);
  }

  private static lockedError(storage: Storage, existing: LockFile, waitMs: number): HudiError {
    const path = storage.locate(LOCK_PATH);
    const owner = existing.owner;
    if (!owner) {
      return new HudiError(
        'table-locked',
        `Table ${storage.root} has a writer lock ${path} this engine did not write (content ${JSON.stringify(existing.text.slice(0, 80))}); waited ${waitMs} ms. If no other program writes the table, delete that file.`,
      );
    }
    return new HudiError(
      'table-locked',
      `Table ${storage.root} is being written by process ${owner.pid} on ${owner.host} (${owner.operation}, since ${owner.acquiredAt}); waited ${waitMs} ms for it. Wait for it to finish; if that process is gone, delete ${path}.`,
    );
  }

  async release(): Promise<void> {
    const current = await readLockFile(this.storage, LOCK_PATH);
    if (current?.owner && current.owner.pid === this.owner.pid && current.owner.acquiredAt === this.owner.acquiredAt) {
      await this.storage.delete(LOCK_PATH);
    }
  }
}
