import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { RESERVED_TEMP_PREFIX } from '../keys';
import { errnoOf } from './fs-errors';

/** Flushes a directory's entries (new names, renames) to disk. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` and its missing parents, and makes each new folder's name durable. */
export async function ensureDirectory(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  // fsync the parent of every folder that was just created, from the outermost down.
  let current = path.dirname(firstCreated);
  const relative = path.relative(current, dir).split(path.sep);
  await fsyncDirectory(current);
  for (const part of relative.slice(0, -1)) {
    current = path.join(current, part);
    await fsyncDirectory(current);
  }
}

/** A fresh temporary name in the same folder as `finalPath`, hidden from listings. */
export function temporaryPathFor(finalPath: string): string {
  const base = path.basename(finalPath).slice(0, 64);
  return path.join(path.dirname(finalPath), `${RESERVED_TEMP_PREFIX}${base}-${randomBytes(6).toString('hex')}`);
}

/**
 * A temporary file beside `finalPath` with the bytes of `from`: a hard link (the bytes are shared
 * and already durable), or, across filesystems or without link support, an fsynced copy.
 */
export async function linkOrCopyBeside(from: string, finalPath: string): Promise<string> {
  await ensureDirectory(path.dirname(finalPath));
  const temp = temporaryPathFor(finalPath);
  try {
    await link(from, temp);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw error;
    await copyFile(from, temp);
    const handle = await open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
  }
  return temp;
}

/**
 * Runs `attempt` and retries when a folder vanished underneath it (ENOENT), which happens
 * when a concurrent delete prunes a folder that just became empty.
 */
export async function retryOnVanishedFolder<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT' || i >= tries) throw error;
    }
  }
}

/** Writes small content to `finalPath` atomically and durably (temp file, fsync, rename). */
export async function writeSmallFileAtomically(finalPath: string, content: string): Promise<void> {
  await retryOnVanishedFolder(async () => {
    await ensureDirectory(path.dirname(finalPath));
    const temp = temporaryPathFor(finalPath);
    try {
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, finalPath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  });
}

/** Removes `dir` and then its parents while they are empty, never `stopAt` or above. */
export async function pruneEmptyFolders(dir: string, stopAt: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stopAt + path.sep) && current !== stopAt) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty, already gone, or in use: stop pruning
    }
    current = path.dirname(current);
  }
}
