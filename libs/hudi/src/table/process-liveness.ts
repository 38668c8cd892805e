import { readFileSync } from 'node:fs';

/**
 * Identity and liveness of local processes for the writer lock. On Linux `/proc/<pid>/stat` gives the
 * state (Z = zombie: exited, waiting to be reaped) and the start time in clock ticks since boot, which,
 * with the boot id, tells a reused pid from the process that took the lock. Elsewhere only `kill(pid, 0)`.
 */

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** State letter and start time (ticks since boot) of a process, from `/proc/<pid>/stat`; undefined when it has none. */
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', startTicks: fields[19] ?? '' };
}

const hasProc = () => readText('/proc/self/stat') !== undefined;

/** `<boot id>:<start ticks>` of a live process on Linux, undefined elsewhere (or when the process is gone). */
export function processStartTime(pid: number): string | undefined {
  const stat = procStat(pid);
  if (!stat) return undefined;
  const bootId = (readText('/proc/sys/kernel/random/boot_id') ?? '').trim();
  return `${bootId}:${stat.startTicks}`;
}

/**
 * Whether the process `pid` that recorded `startTime` (see processStartTime) still runs: false when it is
 * gone, a zombie (or dead, state X), or when the pid now belongs to a process started at another time.
 */
export function processAlive(pid: number, startTime: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (hasProc()) {
    const stat = procStat(pid);
    if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
    return startTime === undefined || processStartTime(pid) === startTime;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
