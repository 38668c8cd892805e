import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CdcFixture } from './cdc-fixture';

const CLI = fileURLToPath(new URL('../../src/cli/cdc-process.ts', import.meta.url));
const SELF_KILL = fileURLToPath(new URL('./self-kill.ts', import.meta.url));

/** One JSON line the CDC process printed: starting, streaming, files-written, batch, stopped. */
export interface CdcChildEvent {
  readonly event: string;
  readonly [field: string]: unknown;
}

/** The CDC process (src/cli/cdc-process.ts) running as a child, with the events it reports. */
export interface CdcChild {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly events: readonly CdcChildEvent[];
  /** Resolves once the child has reported `count` events of this kind; rejects if it exits first. */
  reported(event: string, count?: number): Promise<void>;
  /** Exit code (null when killed by a signal), once the process and its output streams are closed. */
  readonly exited: Promise<number | null>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
}

export function spawnCdcChild(fx: CdcFixture, env: Readonly<Record<string, string>> = {}): CdcChild {
  // self-kill.ts does nothing unless env CDC_TEST_SELF_KILL asks for it.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', SELF_KILL, CLI], {
    env: { ...process.env, DATABASE_URL: fx.server.url, LAKE_URI: fx.lakeUri, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: CdcChildEvent[] = [];
  const waiters: { event: string; count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let stderr = '';
  let pending = '';
  let exitCode: number | null | undefined;
  const settle = (): void => {
    for (const waiter of [...waiters]) {
      if (events.filter((e) => e.event === waiter.event).length >= waiter.count) waiter.resolve();
      else if (exitCode !== undefined)
        waiter.reject(
          new Error(
            `CDC process exited (${exitCode}) before reporting ${waiter.count} "${waiter.event}" event(s): ${stderr}`,
          ),
        );
      else continue;
      waiters.splice(waiters.indexOf(waiter), 1);
    }
  };
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) events.push(JSON.parse(line) as CdcChildEvent);
    settle();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exitCode = code;
      settle();
      resolve(code);
    }),
  );
  return {
    child,
    pid: child.pid as number,
    events,
    reported(event, count = 1) {
      return new Promise<void>((resolve, reject) => {
        waiters.push({ event, count, resolve, reject });
        settle();
      });
    },
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
