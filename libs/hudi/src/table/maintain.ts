import { runCleaner } from './clean';
import { rollbackFailedWrites } from './rollback';
import { TableLock } from './table-lock';
import { loadSnapshot, type TableSnapshot } from './table-snapshot';
import { DEFAULTS, type WriteOptions } from './write/write-options';

export type MaintainOptions = Pick<WriteOptions, 'commitsRetained' | 'lock' | 'hooks'>;

export interface MaintainResult {
  rolledBack: string[];
  clean?: { instant: string; filesDeleted: number };
}

/** Under the writer lock, on the table as it is then: rolls back crashed writes and cleans old file slices. */
export async function maintainTable(
  table: Pick<TableSnapshot, 'storage' | 'config'>,
  options: MaintainOptions = {},
): Promise<MaintainResult> {
  const lock = await TableLock.acquire(table.storage, 'maintain', options.lock);
  try {
    const { rolledBack, snapshot } = await rollbackFailedWrites(
      await loadSnapshot(table.storage, table.config),
      options.hooks,
    );
    const clean = await runCleaner(snapshot, options.commitsRetained ?? DEFAULTS.commitsRetained);
    return clean ? { rolledBack, clean } : { rolledBack };
  } finally {
    await lock.release();
  }
}
