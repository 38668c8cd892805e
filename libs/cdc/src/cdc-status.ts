import { connectSql } from './connection';
import { formatLsn } from './lsn';
import { type CdcOptions, resolveOptions } from './options';
import { readSlot, slotInvalidated } from './replication/slot-info';
import { readCdcState } from './state/cdc-state';
import type { TableState } from './state/table-state';

export interface CdcStatus {
  readonly slotName: string;
  readonly publicationName: string;
  readonly slotExists: boolean;
  /** A process is streaming from the slot. */
  readonly active: boolean;
  readonly activePid: number | null;
  /** pg_replication_slots.wal_status: reserved, extended, unreserved, lost. */
  readonly walStatus: string | null;
  readonly invalidated: boolean;
  readonly confirmedFlushLsn: string | null;
  readonly currentWalLsn: string;
  /** pg_current_wal_lsn() - confirmed_flush_lsn. */
  readonly lagBytes: number;
  /**
   * Seconds the slot is behind: the walsender's flush lag while streaming; when no process
   * streams and WAL is pending, the time since the last batch was stored.
   */
  readonly lagSeconds: number;
  /** The stored position (every change at or below it is in the raw zone). */
  readonly position: { readonly lsn: string; readonly seq: number } | null;
  readonly lastCommitTime: string | null;
  readonly tables: Readonly<Record<string, TableState>>;
}

/** Slot health and per-table state, from PostgreSQL and the stored CDC state. */
export async function cdcStatus(options: CdcOptions): Promise<CdcStatus> {
  const resolved = resolveOptions(options);
  const sql = await connectSql(resolved.connection, 'autocorp-cdc-status');
  try {
    const slot = await readSlot(sql, resolved.slotName);
    const state = await readCdcState(resolved.store, resolved.slotName);
    const current = slot?.currentWalLsn ?? BigInt(0);
    const lagBytes = slot?.confirmedFlushLsn !== undefined && slot ? Number(current - slot.confirmedFlushLsn) : 0;
    let lagSeconds = 0;
    if (slot?.active && slot.activePid !== null) {
      const { rows } = await sql.query<{ lag: number | null }>(`SELECT EXTRACT(epoch FROM flush_lag)::float8 AS lag FROM pg_stat_replication WHERE pid = $1`, [slot.activePid]);
      lagSeconds = rows[0]?.lag ?? 0;
    } else if (lagBytes > 0 && state) {
      lagSeconds = Math.max(0, (Date.now() - Date.parse(state.updatedAt)) / 1000);
    }
    const { rows: walRows } = await sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return {
      slotName: resolved.slotName,
      publicationName: resolved.publicationName,
      slotExists: slot !== undefined,
      active: slot?.active ?? false,
      activePid: slot?.activePid ?? null,
      walStatus: slot?.walStatus ?? null,
      invalidated: slot ? slotInvalidated(slot) : false,
      confirmedFlushLsn: slot?.confirmedFlushLsn !== undefined ? formatLsn(slot.confirmedFlushLsn) : null,
      currentWalLsn: walRows[0]?.lsn ?? formatLsn(current),
      lagBytes: Math.max(0, lagBytes),
      lagSeconds,
      position: state ? { lsn: formatLsn(state.position.lsn), seq: state.position.seq } : null,
      lastCommitTime: state?.lastCommitTime ?? null,
      tables: state?.tables ?? {},
    };
  } finally {
    await sql.end().catch(() => undefined);
  }
}
