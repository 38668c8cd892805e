import { connectSql } from './connection';
import { formatLsn } from './lsn';
import { type CdcOptions, resolveOptions } from './options';
import type pg from 'pg';
import { oldestPendingCommit } from './replication/oldest-pending-commit';
import { readSlot, type SlotInfo, slotInvalidated } from './replication/slot-info';
import { readCdcState } from './state/cdc-state';
import type { TableState } from './state/table-state';

/**
 * How `lagSeconds` was found: `streaming` (pg_stat_replication.flush_lag of the active process),
 * `oldest-pending-commit` (commit time of the oldest unacknowledged captured transaction),
 * `caught-up` (no captured transaction is waiting), `no-slot`, or `unknown`.
 */
export type CdcLagBasis = 'streaming' | 'oldest-pending-commit' | 'caught-up' | 'no-slot' | 'unknown';

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
   * Seconds the raw zone is behind the source, see `lagBasis`: while a process streams, the
   * walsender's flush lag; otherwise the age of the oldest committed transaction of the captured
   * tables that the slot has not acknowledged (0 when there is none, e.g. only other tables'
   * WAL is pending). NaN when it cannot be told (`lagBasis` 'unknown'): never a guess.
   */
  readonly lagSeconds: number;
  readonly lagBasis: CdcLagBasis;
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
    const lag = slot ? await slotLag(sql, slot, resolved.publicationName) : { seconds: 0, basis: 'no-slot' as const };
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
      lagSeconds: lag.seconds,
      lagBasis: lag.basis,
      position: state ? { lsn: formatLsn(state.position.lsn), seq: state.position.seq } : null,
      lastCommitTime: state?.lastCommitTime ?? null,
      tables: state?.tables ?? {},
    };
  } finally {
    await sql.end().catch(() => undefined);
  }
}

async function streamingLag(sql: pg.Client, pid: number): Promise<number> {
  const { rows } = await sql.query<{ lag: number | null }>(`SELECT EXTRACT(epoch FROM flush_lag)::float8 AS lag FROM pg_stat_replication WHERE pid = $1`, [pid]);
  return rows[0]?.lag ?? 0;
}

async function slotLag(sql: pg.Client, slot: SlotInfo, publicationName: string): Promise<{ seconds: number; basis: CdcLagBasis }> {
  if (slot.active && slot.activePid !== null) return { seconds: await streamingLag(sql, slot.activePid), basis: 'streaming' };
  if (slotInvalidated(slot)) return { seconds: Number.NaN, basis: 'unknown' };
  if (slot.confirmedFlushLsn !== undefined && slot.confirmedFlushLsn >= slot.currentWalLsn) return { seconds: 0, basis: 'caught-up' };
  try {
    const oldest = await oldestPendingCommit(sql, slot.slotName, publicationName);
    if (!oldest) return { seconds: 0, basis: 'caught-up' };
    return { seconds: Math.max(0, (Date.now() - oldest.getTime()) / 1000), basis: 'oldest-pending-commit' };
  } catch {
    return { seconds: Number.NaN, basis: 'unknown' };
  }
}
