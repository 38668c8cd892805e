import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { buildPostgresUrl, type DbAddress } from './address';
import { prepareDataDirParent } from './data-dir-access';
import { initdb } from './initdb';
import { resolvePostgresBinaries } from './postgres-binaries';
import { postgresRunAs } from './postgres-os-user';
import { type PostgresProcess, startPostgres } from './postgres-process';
import { findFreePort } from './ports';
import { baseServerSettings } from './server-settings';
import { SourceDbError } from './source-db-error';

export interface ThrowawayPostgresOptions {
  /** Default `logical`; `replica` gives a server that CDC must refuse. */
  readonly walLevel?: 'logical' | 'replica' | 'minimal';
  /** Extra server settings (`-c name=value`). */
  readonly settings?: Readonly<Record<string, string | number>>;
}

/** A fresh PostgreSQL for one test suite: its own /tmp folder and free port, gone after stop(). */
export interface ThrowawayPostgres {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly connectionConfig: pg.ClientConfig;
  readonly address: DbAddress;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 3;

/**
 * Starts a new embedded server (wal_level=logical unless told otherwise) with durability off
 * for speed (fsync, synchronous_commit, full_page_writes), for tests.
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const binaries = await resolvePostgresBinaries();
  const runAs = await postgresRunAs();
  const tmpRoot = process.platform === 'win32' ? os.tmpdir() : '/tmp';
  const folder = await mkdtemp(path.join(tmpRoot, 'autocorp-pg-'));
  try {
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, 'data');
    await prepareDataDirParent(dataDir, runAs);
    const password = randomBytes(18).toString('base64url');
    await initdb({ binaries, dataDir, superuser: 'postgres', password, runAs, noSync: true });
    const settings = {
      ...baseServerSettings(options.walLevel ?? 'logical'),
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      shared_buffers: '32MB',
      ...options.settings,
    };
    const logFile = path.join(folder, 'postgres.log');
    let proc: PostgresProcess | undefined;
    let port = 0;
    for (let attempt = 1; !proc; attempt++) {
      port = await findFreePort();
      try {
        proc = await startPostgres({ binaries, dataDir, port, runAs, settings, logFile });
      } catch (error) {
        // The free port can be taken by another test between finding and binding it.
        if (!(error instanceof SourceDbError && error.kind === 'port-in-use') || attempt >= PORT_ATTEMPTS) throw error;
      }
    }
    const running = proc;
    const address: DbAddress = { host: '127.0.0.1', port, database: 'postgres', user: 'postgres' };
    let stopped = false;
    return {
      url: buildPostgresUrl(address, password),
      connectionConfig: { host: address.host, port, user: address.user, password, database: address.database },
      address,
      port,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await running.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
