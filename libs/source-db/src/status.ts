import { SOURCE_TABLE_NAMES, type SourceTableName } from '@autocorp/schema';
import type pg from 'pg';
import { lastAppliedMillis, readJournal } from './migrate';
import type { SourceDb } from './open-source-db';
import { SourceDbError } from './source-db-error';

export interface TableStatus {
  readonly name: SourceTableName;
  /** Exact row count; null when the table does not exist (not migrated). */
  readonly rows: number | null;
}

export interface ReplicationSlotStatus {
  readonly name: string;
  readonly plugin: string | null;
  readonly slotType: string;
  readonly database: string | null;
  readonly active: boolean;
  readonly restartLsn: string | null;
  readonly confirmedFlushLsn: string | null;
  /** WAL kept on disk for this slot: current WAL position minus restart_lsn. */
  readonly retainedWalBytes: number | null;
}

export interface SourceDbStatus {
  /** `host:port/database` */
  readonly address: string;
  readonly origin: SourceDb['origin'];
  readonly serverVersion: string;
  readonly walLevel: string;
  readonly databaseSizeBytes: number;
  /** Committed migrations applied to this database, out of those available. */
  readonly migrations: { readonly applied: number; readonly available: number };
  /** In SOURCE_TABLES order. */
  readonly tables: readonly TableStatus[];
  /** Every replication slot of the server (empty when none). */
  readonly replicationSlots: readonly ReplicationSlotStatus[];
}

/** Row counts, server facts and replication slots of the source database. */
export async function status(sourceDb: Pick<SourceDb, 'pool' | 'displayAddress' | 'origin'>): Promise<SourceDbStatus> {
  let client: pg.PoolClient | undefined;
  try {
    client = await sourceDb.pool.connect();
    const server = await client.query<{ server_version: string; wal_level: string; size: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('wal_level') AS wal_level,
              pg_database_size(current_database())::text AS size`,
    );
    const facts = server.rows[0];
    if (!facts) throw new Error('the server returned no settings');
    const tables: TableStatus[] = [];
    for (const name of SOURCE_TABLE_NAMES) {
      const exists = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
        `public.${name}`,
      ]);
      if (exists.rows[0]?.present !== true) {
        tables.push({ name, rows: null });
        continue;
      }
      const counted = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`);
      tables.push({ name, rows: Number(counted.rows[0]?.n ?? 0) });
    }
    const journal = await readJournal();
    const last = await lastAppliedMillis(client);
    const slots = await client.query<{
      slot_name: string;
      plugin: string | null;
      slot_type: string;
      database: string | null;
      active: boolean;
      restart_lsn: string | null;
      confirmed_flush_lsn: string | null;
      retained: string | null;
    }>(
      `SELECT slot_name, plugin, slot_type, database, active, restart_lsn::text, confirmed_flush_lsn::text,
              CASE WHEN restart_lsn IS NULL OR pg_is_in_recovery() THEN NULL
                   ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::text END AS retained
         FROM pg_replication_slots ORDER BY slot_name`,
    );
    return {
      address: sourceDb.displayAddress,
      origin: sourceDb.origin,
      serverVersion: facts.server_version,
      walLevel: facts.wal_level,
      databaseSizeBytes: Number(facts.size),
      migrations: {
        applied: last === undefined ? 0 : journal.filter((e) => e.when <= last).length,
        available: journal.length,
      },
      tables,
      replicationSlots: slots.rows.map((s) => ({
        name: s.slot_name,
        plugin: s.plugin,
        slotType: s.slot_type,
        database: s.database,
        active: s.active,
        restartLsn: s.restart_lsn,
        confirmedFlushLsn: s.confirmed_flush_lsn,
        retainedWalBytes: s.retained === null ? null : Number(s.retained),
      })),
    };
  } catch (cause) {
    if (cause instanceof SourceDbError) throw cause;
    throw new SourceDbError(
      'query-failed',
      `Reading the status of ${sourceDb.displayAddress} failed: ${(cause as Error).message}. Check that the server runs and the user may read pg_replication_slots.`,
      { cause },
    );
  } finally {
    client?.release();
  }
}
