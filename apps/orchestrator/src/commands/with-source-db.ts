import { type SourceDb, openSourceDb } from '@autocorp/source-db';
import type { CommandIo } from '../cli/command';

/** Opens the source database (DATABASE_URL or the embedded server), runs fn, and always closes it. */
export async function withSourceDb<T>(io: CommandIo, fn: (db: SourceDb) => Promise<T>): Promise<T> {
  const db = await openSourceDb({ env: io.env, cwd: io.cwd });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
