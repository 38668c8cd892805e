import { chown, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunAs } from './postgres-os-user';
import { SourceDbError } from './source-db-error';

/**
 * Makes the data folder's parent chain usable by the `postgres` OS user without touching
 * folders we did not create: missing folders are created with mode 0755; existing ancestors
 * must already let other users traverse them, else the error says to move AUTOCORP_HOME.
 * Without `runAs` (not root) it only creates the parent folders.
 */
export async function prepareDataDirParent(dataDir: string, runAs: RunAs | undefined): Promise<void> {
  const parent = path.dirname(dataDir);
  const missing: string[] = [];
  let existing = parent;
  while (!(await isDirectory(existing))) {
    missing.unshift(existing);
    const up = path.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  if (runAs) {
    for (let dir = existing; ; dir = path.dirname(dir)) {
      await assertTraversable(dir, dataDir, runAs);
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const dir of missing) {
    await mkdir(dir, { mode: 0o755 }).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'EEXIST') throw cause;
    });
  }
}

/** Creates the (empty) data folder owned by the postgres user with mode 0700. */
export async function createDataDir(dataDir: string, runAs: RunAs | undefined): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
}

function canTraverse(info: { mode: number; uid: number; gid: number }, runAs: RunAs): boolean {
  const mode = info.mode;
  return (
    (mode & 0o001) !== 0 ||
    (info.uid === runAs.uid && (mode & 0o100) !== 0) ||
    (info.gid === runAs.gid && (mode & 0o010) !== 0)
  );
}

/** True when `runAs` can enter every existing folder from `dir` up to the root. */
export async function isTraversableChain(dir: string, runAs: RunAs): Promise<boolean> {
  let existing = dir;
  while (!(await isDirectory(existing))) {
    const up = path.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  for (let d = existing; ; d = path.dirname(d)) {
    if (!canTraverse(await stat(d), runAs)) return false;
    if (path.dirname(d) === d) return true;
  }
}

async function assertTraversable(dir: string, dataDir: string, runAs: RunAs): Promise<void> {
  const info = await stat(dir);
  const mode = info.mode;
  if (canTraverse(info, runAs)) return;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  throw new SourceDbError(
    'data-dir-inaccessible',
    `The embedded PostgreSQL runs as the OS user "${runAs.user}" (PostgreSQL refuses to run as root), and that user cannot enter ${dir} (mode ${octal}, owner uid ${info.uid}), a parent of the data folder ${dataDir}. Set AUTOCORP_HOME=/some/writable/place (a folder every user can traverse, e.g. /var/tmp/autocorp) and run again.`,
  );
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw cause;
  }
}
