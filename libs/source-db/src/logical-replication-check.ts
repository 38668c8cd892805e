import type { SourceDb } from './open-source-db';
import { SourceDbError } from './source-db-error';

export interface LogicalReplicationSettings {
  readonly walLevel: string;
  readonly maxReplicationSlots: number;
  readonly maxWalSenders: number;
}

/**
 * Checks that change data capture can work: wal_level = logical and room for replication slots
 * and WAL senders. Throws SourceDbError kind `wal-level` saying what to change otherwise.
 */
export async function checkLogicalReplication(
  sourceDb: Pick<SourceDb, 'pool' | 'displayAddress'>,
): Promise<LogicalReplicationSettings> {
  let row: { wal_level: string; slots: string; senders: string } | undefined;
  try {
    const result = await sourceDb.pool.query<{ wal_level: string; slots: string; senders: string }>(
      `SELECT current_setting('wal_level') AS wal_level, current_setting('max_replication_slots') AS slots,
              current_setting('max_wal_senders') AS senders`,
    );
    row = result.rows[0];
  } catch (cause) {
    throw new SourceDbError(
      'query-failed',
      `Reading the replication settings of ${sourceDb.displayAddress} failed: ${(cause as Error).message}.`,
      { cause },
    );
  }
  if (!row) throw new SourceDbError('query-failed', `${sourceDb.displayAddress} returned no replication settings.`);
  const settings = {
    walLevel: row.wal_level,
    maxReplicationSlots: Number(row.slots),
    maxWalSenders: Number(row.senders),
  };
  const restart =
    'then restart PostgreSQL (on Amazon RDS/Aurora set rds.logical_replication = 1 in the DB parameter group and reboot). The embedded server (no DATABASE_URL) is set up for this already.';
  if (settings.walLevel !== 'logical') {
    throw new SourceDbError(
      'wal-level',
      `wal_level is "${settings.walLevel}" on ${sourceDb.displayAddress}, but change data capture needs "logical". Run ALTER SYSTEM SET wal_level = logical; ${restart}`,
    );
  }
  if (settings.maxReplicationSlots < 1 || settings.maxWalSenders < 1) {
    throw new SourceDbError(
      'wal-level',
      `${sourceDb.displayAddress} allows ${settings.maxReplicationSlots} replication slots and ${settings.maxWalSenders} WAL senders; change data capture needs at least one of each. Run ALTER SYSTEM SET max_replication_slots = 10; ALTER SYSTEM SET max_wal_senders = 10; ${restart}`,
    );
  }
  return settings;
}
