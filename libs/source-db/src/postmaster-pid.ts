import { access, readFile, readlink, realpath, rm } from 'node:fs/promises';
import path from 'node:path';

/** The lock file PostgreSQL keeps in its data folder while it runs. */
export interface PostmasterPid {
  readonly pid: number;
  readonly dataDir: string;
  readonly port: number;
  /** `starting`, `ready`, `stopping` or `standby` (line 8), when written yet. */
  readonly status: string | undefined;
}

export function postmasterPidFile(dataDir: string): string {
  return path.join(dataDir, 'postmaster.pid');
}

export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await readFile(postmasterPidFile(dataDir), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    dataDir: lines[1] ?? '',
    port: Number.parseInt(lines[3] ?? '', 10),
    status: lines[7]?.trim() || undefined,
  };
}

/** True when `pid` is a live (not zombie) process. */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/**
 * True when `pid` is a live PostgreSQL postmaster of `dataDir`: the postmaster works in its data
 * folder, so its working directory (or, if that cannot be read, its command line) says so.
 */
export async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  if (!(await isProcessAlive(pid))) return false;
  const wanted = await realpath(dataDir).catch(() => dataDir);
  try {
    const cwd = await readlink(`/proc/${pid}/cwd`);
    return (await realpath(cwd).catch(() => cwd)) === wanted;
  } catch {
    try {
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
      return cmdline.includes('postgres') && (cmdline.includes(dataDir) || cmdline.includes(wanted));
    } catch {
      // No /proc (macOS): a live process holding the pid is taken to be the server.
      return true;
    }
  }
}

export type PidFileState =
  | { readonly state: 'none' }
  | { readonly state: 'stale-removed'; readonly pid: number }
  | { readonly state: 'running'; readonly info: PostmasterPid };

/**
 * Looks at postmaster.pid: absent, held by a live server of this folder, or stale (left by a
 * server that was killed, its pid now dead or reused by another program), in which case it is
 * removed so that the server can start again.
 */
export async function inspectPostmasterPid(dataDir: string): Promise<PidFileState> {
  const info = await readPostmasterPid(dataDir);
  if (info && (await isPostmasterOf(info.pid, dataDir))) return { state: 'running', info };
  if (!info && !(await fileExists(postmasterPidFile(dataDir)))) return { state: 'none' };
  // Dead or foreign pid, or an empty/garbled file from a crash during startup.
  await rm(postmasterPidFile(dataDir), { force: true });
  return { state: 'stale-removed', pid: info?.pid ?? 0 };
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
