import type pg from 'pg';
import { CdcError } from '../cdc-error';
import { type Lsn, parseLsn } from '../lsn';

export interface SlotInfo {
  readonly slotName: string;
  readonly plugin: string | null;
  readonly active: boolean;
  readonly activePid: number | null;
  /** `reserved`, `extended`, `unreserved` or `lost` (invalidated). */
  readonly walStatus: string | null;
  readonly invalidationReason: string | null;
  readonly confirmedFlushLsn: Lsn | undefined;
  readonly restartLsn: Lsn | undefined;
  readonly currentWalLsn: Lsn;
}

/** The slot as pg_replication_slots shows it, or undefined when it does not exist. */
export async function readSlot(client: pg.Client, slotName: string): Promise<SlotInfo | undefined> {
  const { rows } = await client.query<{ slot: Record<string, unknown>; current: string }>(
    `SELECT to_jsonb(s) AS slot, pg_current_wal_lsn()::text AS current FROM pg_replication_slots s WHERE s.slot_name = $1`,
    [slotName],
  );
  const row = rows[0];
  if (!row) return undefined;
  const s = row.slot;
  const lsn = (v: unknown): Lsn | undefined => (typeof v === 'string' ? parseLsn(v) : undefined);
  return {
    slotName,
    plugin: (s.plugin as string | null) ?? null,
    active: s.active === true,
    activePid: (s.active_pid as number | null) ?? null,
    walStatus: (s.wal_status as string | null) ?? null,
    invalidationReason: ((s.invalidation_reason ?? s.conflicting_reason) as string | null) ?? null,
    confirmedFlushLsn: lsn(s.confirmed_flush_lsn),
    restartLsn: lsn(s.restart_lsn),
    currentWalLsn: parseLsn(row.current),
  };
}

export function slotInvalidated(slot: SlotInfo): boolean {
  return slot.walStatus === 'lost' || (slot.invalidationReason !== null && slot.invalidationReason !== undefined);
}

export function invalidatedError(slot: SlotInfo): CdcError {
  return new CdcError(
    'slot-invalidated',
    `Replication slot "${slot.slotName}" is invalidated (wal_status=${slot.walStatus ?? 'unknown'}${slot.invalidationReason ? `, reason ${slot.invalidationReason}` : ''}): PostgreSQL removed WAL it still needed, so changes were lost. Run dropCdc to remove it, then start CDC again to take a new full load; raise max_slot_wal_keep_size if CDC may be stopped for long.`,
  );
}

export function slotInUseError(slot: SlotInfo): CdcError {
  return new CdcError(
    'slot-in-use',
    `Replication slot "${slot.slotName}" is already streaming to another process (backend pid ${slot.activePid ?? 'unknown'}). Stop the other CDC process first, or give this one its own slotName.`,
  );
}
