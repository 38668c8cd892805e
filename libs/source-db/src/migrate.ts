import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '@autocorp/schema';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import type { SourceDb } from './open-source-db';
import { SourceDbError } from './source-db-error';

/** What `migrate` did: migration tags (e.g. `0001_replica_identity_full`) in order. */
export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

export interface MigrateOptions {
  /** Default: the committed migrations of @autocorp/schema. */
  readonly migrationsDir?: string;
}

interface JournalEntry {
  readonly tag: string;
  readonly when: number;
}

/** drizzle's bookkeeping table (its default place). */
const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';
/** Serialises concurrent `migrate` calls (two processes starting at once). */
const MIGRATE_LOCK_KEY = 7_301_946_211;

/**
 * Applies the committed migrations that the database has not seen yet, in one transaction
 * (drizzle-orm's node-postgres migrator), under an advisory lock. Idempotent.
 */
export async function migrate(
  sourceDb: Pick<SourceDb, 'pool' | 'displayAddress'>,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const migrationsFolder = options.migrationsDir ?? MIGRATIONS_DIR;
  const entries = await readJournal(migrationsFolder);
  let client;
  try {
    client = await sourceDb.pool.connect();
  } catch (cause) {
    throw new SourceDbError(
      'migration-failed',
      `Cannot connect to ${sourceDb.displayAddress} to migrate: ${(cause as Error).message}. Check that the server runs.`,
      { cause },
    );
  }
  let pending: JournalEntry[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    try {
      const last = await lastAppliedMillis(client);
      pending = entries.filter((e) => last === undefined || e.when > last);
      if (pending.length > 0) await drizzleMigrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]).catch(() => undefined);
    }
  } catch (cause) {
    if (cause instanceof SourceDbError) throw cause;
    const detail = (cause as { cause?: { message?: string } }).cause?.message ?? (cause as Error).message;
    throw new SourceDbError(
      'migration-failed',
      `Migrating ${sourceDb.displayAddress} failed while applying ${pending.map((e) => e.tag).join(', ') || 'the migrations'}: ${detail}. Nothing was applied (the migrations run in one transaction). If the tables were made by hand, drop them or point DATABASE_URL at an empty database.`,
      { cause },
    );
  } finally {
    client.release();
  }
  const applied = new Set(pending.map((e) => e.tag));
  return {
    applied: entries.filter((e) => applied.has(e.tag)).map((e) => e.tag),
    alreadyApplied: entries.filter((e) => !applied.has(e.tag)).map((e) => e.tag),
  };
}

/** The migration tags of the journal in `migrationsDir`, in order. */
export async function readJournal(migrationsDir: string = MIGRATIONS_DIR): Promise<JournalEntry[]> {
  const file = path.join(migrationsDir, 'meta', '_journal.json');
  try {
    const journal = JSON.parse(await readFile(file, 'utf8')) as { entries: JournalEntry[] };
    return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
  } catch (cause) {
    throw new SourceDbError(
      'migration-failed',
      `Cannot read the migration journal ${file}: ${(cause as Error).message}. Run \`npm run db:generate -w libs/schema\`.`,
      { cause },
    );
  }
}

/** created_at of the newest applied migration (drizzle compares it with the journal's `when`). */
export async function lastAppliedMillis(client: {
  query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>;
}): Promise<number | undefined> {
  const exists = await client.query(`SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS present`);
  if (exists.rows[0]?.present !== true) return undefined;
  const last = await client.query(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`);
  const value = last.rows[0]?.created_at;
  return value === undefined || value === null ? undefined : Number(value);
}
