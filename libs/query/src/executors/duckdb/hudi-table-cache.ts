import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { HudiTable } from '@autocorp/hudi';

/** The timeline folder of a Hudi table. */
const TIMELINE_FOLDER = '.hoodie';

interface CachedTable {
  readonly timelineKey: string;
  readonly table: Promise<HudiTable>;
}

/**
 * Open Hudi tables (timeline and file listing) kept between queries, keyed by the names in the
 * table's `.hoodie/` folder: every write, clean and rollback adds, completes or removes an instant
 * file there, so the next query after any of them lists the table again and sees the new commit.
 * Listing `.hoodie/` is one readdir; walking the partitions and reading commit metadata happens
 * only when it changed.
 */
export class HudiTableCache {
  private readonly tables = new Map<string, CachedTable>();

  async open(folder: string): Promise<HudiTable> {
    const timelineKey = await timelineKeyOf(folder);
    const cached = this.tables.get(folder);
    if (cached && cached.timelineKey === timelineKey) return cached.table;
    const table = HudiTable.open(folder);
    const entry = { timelineKey, table };
    this.tables.set(folder, entry);
    table.catch(() => {
      if (this.tables.get(folder) === entry) this.tables.delete(folder);
    });
    return table;
  }

  clear(): void {
    this.tables.clear();
  }
}

/** The sorted file names in `.hoodie/` (instants and their states); '' when the folder is missing. */
async function timelineKeyOf(folder: string): Promise<string> {
  try {
    const names = await readdir(path.join(folder, TIMELINE_FOLDER));
    return names.sort().join('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
