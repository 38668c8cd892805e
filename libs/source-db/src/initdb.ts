import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDataDir } from './data-dir-access';
import type { PostgresBinaries } from './postgres-binaries';
import type { RunAs } from './postgres-os-user';
import { SourceDbError } from './source-db-error';

export interface InitdbOptions {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly superuser: string;
  readonly password: string;
  readonly runAs: RunAs | undefined;
  /** Skip fsync (throwaway servers): faster, not crash-safe. */
  readonly noSync?: boolean;
}

/** Creates a new cluster in `dataDir` (absent or empty) with scram-sha-256 password logins. */
export async function initdb(options: InitdbOptions): Promise<void> {
  const { binaries, dataDir, runAs } = options;
  await createDataDir(dataDir, runAs);
  // The password goes through a file only the server's OS user can read, removed right after.
  const pwfile = path.join(path.dirname(dataDir), `.initdb-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  const args = [
    `--pgdata=${dataDir}`,
    `--username=${options.superuser}`,
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--no-locale',
    '--no-instructions',
    ...(options.noSync ? ['--no-sync'] : []),
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        binaries.initdb,
        args,
        {
          uid: runAs?.uid,
          gid: runAs?.gid,
          env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
          maxBuffer: 4 * 1024 * 1024,
        },
        (error, _stdout, stderr) => {
          if (error) reject(Object.assign(error, { stderr }));
          else resolve();
        },
      );
    });
  } catch (cause) {
    const stderr = String((cause as { stderr?: unknown }).stderr ?? '').trim();
    throw new SourceDbError(
      'server-start-failed',
      `initdb could not create the PostgreSQL data folder ${dataDir}: ${stderr || (cause as Error).message}. Delete ${dataDir} and run again, or set AUTOCORP_HOME=/some/writable/place.`,
      { cause },
    );
  } finally {
    await rm(pwfile, { force: true });
  }
}
