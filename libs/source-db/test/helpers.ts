import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A fresh folder under /tmp that the `postgres` OS user can traverse (for AUTOCORP_HOME). */
export async function makeTmpFolder(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(path.join('/tmp', `${prefix}-`));
  await chmod(folder, 0o755);
  return { path: folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (bounded) until `check` holds; throws with `what` if it never does. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, limitMs = 30_000): Promise<void> {
  for (let waited = 0; waited <= limitMs; waited += 50) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`gave up waiting: ${what}`);
}
