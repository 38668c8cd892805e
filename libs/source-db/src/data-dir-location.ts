import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isTraversableChain } from './data-dir-access';
import type { RunAs } from './postgres-os-user';

/** Parent of the data folders used when the state folder is out of the postgres user's reach. */
export const FALLBACK_DATA_ROOT = '/var/tmp/autocorp-postgres';

/** File in the state folder that records where the data folder really is. */
export function dataLocationFile(stateDataDir: string): string {
  return path.join(path.dirname(stateDataDir), 'data-location');
}

/**
 * Where the embedded server's data folder lives. Normally `<AUTOCORP_HOME>/postgres/data`. When we
 * run as root and the `postgres` OS user cannot reach that folder (for example a checkout under
 * /root, mode 0700), PostgreSQL could not start there; instead of failing, the data folder goes to
 * /var/tmp/autocorp-postgres/<hash of the state folder>/data, and `<AUTOCORP_HOME>/postgres/data-location`
 * records that path. A fallback folder whose state folder was deleted (no record) is stale and is
 * removed, so deleting the state folder still starts over.
 */
export async function resolveDataDir(
  stateDataDir: string,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): Promise<string> {
  if (!runAs || (await isTraversableChain(path.dirname(stateDataDir), runAs))) return stateDataDir;
  const fallback = path.join(
    FALLBACK_DATA_ROOT,
    createHash('sha256').update(stateDataDir).digest('hex').slice(0, 16),
    'data',
  );
  const record = dataLocationFile(stateDataDir);
  const recorded = await readFile(record, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  if (recorded !== fallback && existsSync(fallback)) {
    log(`removing ${fallback}: a data folder left by an earlier state folder at ${stateDataDir} that was deleted`);
    await rm(path.dirname(fallback), { recursive: true, force: true });
  }
  await mkdir(path.dirname(record), { recursive: true });
  await writeFile(record, `${fallback}\n`, { mode: 0o644 });
  await mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
  log(
    `the postgres OS user cannot reach ${stateDataDir}; PostgreSQL's data folder is ${fallback} (recorded in ${record})`,
  );
  return fallback;
}
