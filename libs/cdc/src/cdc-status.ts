import type pg from 'pg';
import { connectSql } from './connection';
import { formatLsn } from './lsn';
import { type CdcOptions, resolveOptions } from './options';
import { oldestPendingCommit } from './replication/oldest-pending-commit';
import { readSlot, type SlotInfo, slotInvalidated } from './replication/slot-info';
import { type CdcState, readCdcState } from './state/cdc-state';
import type { TableState } from './state/table-state';

/**
 * How `lagSeconds` was found: `streaming` (pg_stat_replication.flush_lag of the active process),
 * `oldest-pending-commit` (commit time of the oldest unacknowledged captured transaction),
 * `caught-up` (no captured transaction is waiting), or `unknown` (`lagSeconds` is null; `unknown.lagSeconds` says why).
 */
export type CdcLagBasis = 'streaming' | 'oldest-pending-commit' | 'caught-up' | 'unknown';

/** The status values that can be unknown (null). */
export type CdcStatusUnknownField = 'lagBytes' | 'lagSeconds' | 'confirmedFlushLsn' | 'position' | 'lastCommitTime';

export interface CdcStatus {
  readonly slotName: string;
  readonly publicationName: string;
  readonly slotExists: boolean;
  /** A process is streaming from the slot. */
  readonly active: boolean;
  readonly activePid: number | null;
  /** pg_replication_slots.wal_status: reserved, extended, unreserved, lost; null without a slot. */
  readonly walStatus: string | null;
  readonly invalidated: boolean;
  readonly confirmedFlushLsn: string | null;
  readonly currentWalLsn: string;
  /** pg_current_wal_lsn() - confirmed_flush_lsn; null when unknown. */
  readonly lagBytes: number | null;
  /**
   * Seconds the raw zone is behind the source, see `lagBasis`: while a process streams, the
   * walsender's flush lag; otherwise the age of the oldest committed transaction of the captured
   * tables that the slot has not acknowledged (0 when there is none, e.g. only other tables'
   * WAL is pending). Null when it cannot be told: never a guess.
   */
  readonly lagSeconds: number | null;
  readonly lagBasis: CdcLagBasis;
  /** The stored position (every change at or below it is in the raw zone); null before the first full load. */
  readonly position: { readonly lsn: string; readonly seq: number } | null;
  /** Commit time of the change at the stored position; null until a change was streamed. */
  readonly lastCommitTime: string | null;
  readonly tables: Readonly<Record<string, TableState>>;
  /** For every value above that is null because it is unknown, the reason (e.g. no slot yet, no change streamed yet). */
  readonly unknown: Readonly<Partial<Record<CdcStatusUnknownField, string>>>;
}

export interface CdcStatusOptions extends CdcOptions {
  /** The clock lag is measured against; default the system clock. */
  readonly now?: () => Date;
}

type Lag =
  | { readonly seconds: number; readonly basis: Exclude<CdcLagBasis, 'unknown'> }
  | { readonly seconds: null; readonly basis: 'unknown'; readonly reason: string };

/** Slot health and per-table state, from PostgreSQL and the stored CDC state. */
export async function cdcStatus(options: CdcStatusOptions): Promise<CdcStatus> {
  const resolved = resolveOptions(options);
  const now = options.now ?? (() => new Date());
  const sql = await connectSql(resolved.connection, 'autocorp-cdc-status');
  try {
    const slot = await readSlot(sql, resolved.slotName);
    const state = await readCdcState(resolved.store, resolved.slotName);
    const { rows: walRows } = await sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const unknown: Partial<Record<CdcStatusUnknownField, string>> = {};
    const noSlot = `no replication slot "${resolved.slotName}" yet: CDC has not started on this database (run "autocorp cdc start")`;
    const noConfirmed = `slot "${resolved.slotName}" has no confirmed position yet (it is being created by a full load)`;

    let lagBytes: number | null = null;
    if (!slot) unknown.lagBytes = unknown.confirmedFlushLsn = noSlot;
    else if (slot.confirmedFlushLsn === undefined) unknown.lagBytes = unknown.confirmedFlushLsn = noConfirmed;
    else lagBytes = Math.max(0, Number(slot.currentWalLsn - slot.confirmedFlushLsn));

    const lag: Lag = slot
      ? await slotLag(sql, slot, resolved.publicationName, now)
      : { seconds: null, basis: 'unknown', reason: noSlot };
    if (lag.seconds === null) unknown.lagSeconds = lag.reason;

    if (!state) {
      unknown.position =
        unknown.lastCommitTime = `no full load yet: the lake holds no CDC state for slot "${resolved.slotName}"`;
    } else if (state.lastCommitTime === undefined) {
      unknown.lastCommitTime = 'no change streamed yet: the raw zone holds only the full load';
    }
    return {
      slotName: resolved.slotName,
      publicationName: resolved.publicationName,
      slotExists: slot !== undefined,
      active: slot?.active ?? false,
      activePid: slot?.activePid ?? null,
      walStatus: slot?.walStatus ?? null,
      invalidated: slot ? slotInvalidated(slot) : false,
      confirmedFlushLsn: slot?.confirmedFlushLsn !== undefined ? formatLsn(slot.confirmedFlushLsn) : null,
      currentWalLsn: walRows[0]?.lsn ?? formatLsn(slot?.currentWalLsn ?? 0n),
      lagBytes,
      lagSeconds: lag.seconds,
      lagBasis: lag.basis,
      position: state ? storedPosition(state) : null,
      lastCommitTime: state?.lastCommitTime ?? null,
      tables: state?.tables ?? {},
      unknown,
    };
  } finally {
    await sql.end().catch(() => undefined);
  }
}

function storedPosition(state: CdcState): { lsn: string; seq: number } {
  return { lsn: formatLsn(state.position.lsn), seq: state.position.seq };
}

function caughtUp(slot: SlotInfo): boolean {
  return slot.confirmedFlushLsn !== undefined && slot.confirmedFlushLsn >= slot.currentWalLsn;
}

async function streamingLag(sql: pg.Client, slot: SlotInfo, pid: number): Promise<Lag> {
  const { rows } = await sql.query<{ lag: number | null }>(
    `SELECT EXTRACT(epoch FROM flush_lag)::float8 AS lag FROM pg_stat_replication WHERE pid = $1`,
    [pid],
  );
  const row = rows[0];
  if (row && row.lag !== null) return { seconds: row.lag, basis: 'streaming' };
  if (caughtUp(slot)) return { seconds: 0, basis: 'caught-up' };
  const reason = row
    ? `PostgreSQL has not measured the flush lag of the streaming process (pid ${pid}) yet; ask again in a moment`
    : `the streaming process (pid ${pid}) is not in pg_stat_replication (it is starting or stopping); ask again in a moment`;
  return { seconds: null, basis: 'unknown', reason };
}

async function slotLag(sql: pg.Client, slot: SlotInfo, publicationName: string, now: () => Date): Promise<Lag> {
  if (slot.active && slot.activePid !== null) return streamingLag(sql, slot, slot.activePid);
  if (slotInvalidated(slot)) {
    return {
      seconds: null,
      basis: 'unknown',
      reason: `slot "${slot.slotName}" is invalidated (wal_status ${slot.walStatus ?? 'unknown'}${slot.invalidationReason ? `, ${slot.invalidationReason}` : ''}): the WAL it needed is gone`,
    };
  }
  if (caughtUp(slot)) return { seconds: 0, basis: 'caught-up' };
  try {
    const oldest = await oldestPendingCommit(sql, slot.slotName, publicationName);
    if (oldest === undefined) return { seconds: 0, basis: 'caught-up' };
    const nowMicros = BigInt(now().getTime()) * 1000n;
    return { seconds: Math.max(0, Number(nowMicros - oldest) / 1e6), basis: 'oldest-pending-commit' };
  } catch (error) {
    return {
      seconds: null,
      basis: 'unknown',
      reason: `the oldest pending commit could not be read from slot "${slot.slotName}": ${(error as Error).message}`,
    };
  }
}
