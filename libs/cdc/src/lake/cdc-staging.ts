import { createHash, randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { resolveStateHome } from '@autocorp/config';
import { RESERVED_TEMP_PREFIX, cdcStateKeys } from '@autocorp/lake-storage';
import { CdcError } from '../cdc-error';
import type { ObjectStore } from './object-store';
import { ParquetStage } from './parquet-stage';

/** Name of the staging folder inside the slot's state folder of a local lake (hidden from the store's listings). */
const LAKE_STAGING_DIRNAME = `${RESERVED_TEMP_PREFIX}cdc-staging`;
/** Every process stages in a folder of its own: `autocorp-cdc-<host tag>-<pid>-<uuid>`. */
const RUN_FOLDER = /^autocorp-cdc-([0-9a-f]{8})-(\d+)-[0-9a-f-]{36}$/;

function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const HOST_TAG = shortHash(hostname(), 8);

/**
 * Where CDC stages its temporary files (CSV spill, DuckDB spill, Parquet before upload):
 * `tempRoot` when given; for a local lake, the slot's own state folder in the lake
 * (`state/cdc/<slot>/.lake-tmp-cdc-staging`, same filesystem, so files move into place);
 * otherwise (S3) the AUTOCORP_HOME state folder, one folder per lake and slot.
 * Never the system temp folder, where nobody would clean up after a killed process.
 */
export function cdcStagingRoot(
  store: ObjectStore,
  slotName: string,
  tempRoot?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (tempRoot !== undefined) return path.resolve(tempRoot);
  const stateFolder = cdcStateKeys(slotName).folder;
  const local = store.localPath(stateFolder);
  if (local !== undefined) return path.join(local, LAKE_STAGING_DIRNAME);
  return path.join(resolveStateHome(env).pipelineState, 'cdc-staging', `${slotName}-${shortHash(store.uri, 12)}`);
}

/** A fresh folder name for this process's stage under the staging root. */
export function newStageFolder(root: string): string {
  return path.join(root, `autocorp-cdc-${HOST_TAG}-${process.pid}-${randomUUID()}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stage folders that processes of this host left behind when they were killed
 * (their pid is gone); folders of live processes and of other hosts stay. Returns the removed paths.
 */
export async function removeStagingLeftovers(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = RUN_FOLDER.exec(name);
    if (!match || match[1] !== HOST_TAG) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    const folder = path.join(root, name);
    await rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** Opens this process's stage under the staging root, after removing what killed processes left there. */
export async function openCdcStage(options: {
  readonly store: ObjectStore;
  readonly slotName: string;
  readonly tempRoot: string | undefined;
}): Promise<ParquetStage> {
  const root = cdcStagingRoot(options.store, options.slotName, options.tempRoot);
  try {
    await removeStagingLeftovers(root);
    return await ParquetStage.open({ folder: newStageFolder(root) });
  } catch (error) {
    throw new CdcError(
      'staging-failed',
      `CDC cannot stage its temporary files in ${root}: ${(error as Error).message}. Make that folder writable, or point the tempRoot option (CDC_TEMP_ROOT) at a writable folder.`,
      { cause: error },
    );
  }
}
