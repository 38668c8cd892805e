import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StateHome } from '@autocorp/config';
import type { DbAddress } from './address';
import { resolveDataDir } from './data-dir-location';
import { prepareDataDirParent } from './data-dir-access';
import { ensureDatabase } from './ensure-database';
import { initdb } from './initdb';
import { loadOrCreatePassword } from './password-file';
import { resolvePostgresBinaries } from './postgres-binaries';
import { postgresRunAs } from './postgres-os-user';
import { type PostgresProcess, startPostgres } from './postgres-process';
import { inspectPostmasterPid, readPostmasterPid } from './postmaster-pid';
import { isPortListening } from './ports';
import { baseServerSettings } from './server-settings';
import { SourceDbError } from './source-db-error';
import { verifyConnection } from './verify-connection';

export const EMBEDDED_DATABASE = 'autocorp';
export const EMBEDDED_SUPERUSER = 'postgres';
const HOST = '127.0.0.1';

export interface EmbeddedServerOptions {
  readonly home: StateHome;
  readonly port: number;
  /** Progress notes ("initialising ...", "removed stale postmaster.pid ..."). */
  readonly onLog?: (line: string) => void;
}

/** The persistent embedded server, started by this process or found running. */
export interface EmbeddedServer {
  readonly address: DbAddress;
  readonly password: string;
  readonly dataDir: string;
  readonly passwordFile: string;
  readonly logFile: string;
  /** True when this process started the server (and so stops it when the last user releases it). */
  readonly startedHere: boolean;
  /** Releases this handle; the server stops when this process started it and no other handle is open. */
  release(): Promise<void>;
}

interface Owned {
  process: PostgresProcess;
  users: number;
}
/** Servers this process started, by data folder, shared by every handle in the process. */
const owned = new Map<string, Owned>();

/**
 * Brings up the embedded server of `home` on `port`: initialises the data folder on first use
 * (no PG_VERSION yet), recovers from a stale postmaster.pid, reuses a server of the same data
 * folder that already runs, and creates the `autocorp` database.
 */
export async function ensureEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { home, port } = options;
  const log = options.onLog ?? (() => undefined);
  const runAs = await postgresRunAs();
  const dataDir = await resolveDataDir(home.postgresData, runAs, log);
  await prepareDataDirParent(dataDir, runAs);
  const passwordFile = path.join(path.dirname(home.postgresData), 'password');
  const password = await loadOrCreatePassword(passwordFile);
  await mkdir(home.logs, { recursive: true });
  const logFile = path.join(home.logs, 'postgres.log');
  const address: DbAddress = { host: HOST, port, database: EMBEDDED_DATABASE, user: EMBEDDED_SUPERUSER };
  const admin = { host: HOST, port, user: EMBEDDED_SUPERUSER, password, database: 'postgres' };

  let startedHere = false;
  if (owned.get(dataDir)?.process.isRunning() === false) owned.delete(dataDir);
  const shared = owned.get(dataDir);
  if (shared && shared.process.port !== port) {
    throw alreadyRunningElsewhere(dataDir, shared.process.pid, shared.process.port, port);
  }
  if (shared) {
    shared.users++;
  } else if (!(await reuseRunning(dataDir, port, log))) {
    if (await isPortListening(HOST, port)) {
      throw new SourceDbError(
        'port-in-use',
        `Port ${port} on ${HOST} is taken by another program, not by the embedded PostgreSQL of ${dataDir}. Set AUTOCORP_PG_PORT to a free port, or stop the program listening on ${port}.`,
      );
    }
    if (!(await hasPgVersion(dataDir))) {
      if (await isNonEmptyDir(dataDir)) {
        throw new SourceDbError(
          'data-dir-invalid',
          `${dataDir} exists but is not a PostgreSQL data folder (no PG_VERSION). Delete ${dataDir} to re-initialise, or set AUTOCORP_HOME=/some/other/place.`,
        );
      }
      log(`initialising the PostgreSQL data folder ${dataDir}`);
      await initdb({
        binaries: await resolvePostgresBinaries(),
        dataDir,
        superuser: EMBEDDED_SUPERUSER,
        password,
        runAs,
      });
    }
    try {
      log(`starting PostgreSQL on ${HOST}:${port} (data folder ${dataDir}, log ${logFile})`);
      const proc = await startPostgres({
        binaries: await resolvePostgresBinaries(),
        dataDir,
        port,
        runAs,
        settings: baseServerSettings('logical'),
        logFile,
      });
      owned.set(dataDir, { process: proc, users: 1 });
      startedHere = true;
    } catch (error) {
      // Another process may have started the same server a moment before us.
      const raced =
        error instanceof SourceDbError && (error.kind === 'already-running' || error.kind === 'port-in-use');
      if (!raced || !(await reuseRunning(dataDir, port, log))) throw error;
    }
  }
  const entry = startedHere ? owned.get(dataDir) : shared;
  let released = false;
  const release = async (): Promise<void> => {
    if (released || !entry) return;
    released = true;
    entry.users--;
    if (entry.users > 0) return;
    if (owned.get(dataDir) === entry) owned.delete(dataDir);
    await entry.process.stop();
  };
  try {
    await verifyConnection(
      admin,
      { ...address, database: 'postgres' },
      {
        auth: `The password in ${passwordFile} does not open the data folder ${dataDir} (was the file replaced?). Restore it, or delete ${dataDir} and ${passwordFile} to re-initialise (this deletes the source data).`,
        unreachable: `The embedded server does not answer; see ${logFile}.`,
      },
    );
    await ensureDatabase(admin, EMBEDDED_DATABASE);
  } catch (error) {
    await release();
    throw error;
  }
  return {
    address,
    password,
    dataDir,
    passwordFile,
    logFile,
    startedHere: startedHere || shared !== undefined,
    release,
  };
}

/** True when a live server of `dataDir` listens on `port` (waiting while it finishes starting). */
async function reuseRunning(dataDir: string, port: number, log: (line: string) => void): Promise<boolean> {
  const state = await inspectPostmasterPid(dataDir);
  if (state.state === 'stale-removed') {
    log(`removed the stale postmaster.pid of a server that is gone (pid ${state.pid}) from ${dataDir}`);
    return false;
  }
  if (state.state === 'none') return false;
  const { info } = state;
  if (info.port !== port) throw alreadyRunningElsewhere(dataDir, info.pid, info.port, port);
  for (let waited = 0; waited < 60_000; waited += 100) {
    const now = await readPostmasterPid(dataDir);
    if (now?.pid !== info.pid) return false;
    if (now.status === 'ready') {
      log(`using the embedded PostgreSQL already running on 127.0.0.1:${port} (pid ${info.pid})`);
      return true;
    }
    await sleep(100);
  }
  throw new SourceDbError(
    'already-running',
    `The embedded PostgreSQL of ${dataDir} (pid ${info.pid}) has not become ready in a minute. Stop it (kill ${info.pid}) and run again.`,
  );
}

function alreadyRunningElsewhere(dataDir: string, pid: number, runningPort: number, wantedPort: number): SourceDbError {
  return new SourceDbError(
    'already-running',
    `The embedded PostgreSQL of ${dataDir} already runs (pid ${pid}) on port ${runningPort}, not on ${wantedPort}. Set AUTOCORP_PG_PORT=${runningPort}, or stop it (kill ${pid}) and run again.`,
  );
}

async function hasPgVersion(dataDir: string): Promise<boolean> {
  try {
    return (await stat(path.join(dataDir, 'PG_VERSION'))).isFile();
  } catch {
    return false;
  }
}

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}
