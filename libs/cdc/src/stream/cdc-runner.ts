import type pg from 'pg';
import { CdcError } from '../cdc-error';
import { connectReplication, connectSql } from '../connection';
import { fullLoad, type FullLoadResult } from '../full-load/run-full-load';
import { openCdcStage } from '../lake/cdc-staging';
import type { ParquetStage } from '../lake/parquet-stage';
import type { ChangePosition } from '@autocorp/lake-storage';
import { type Lsn, maxLsn, parseLsn } from '../lsn';
import { type CdcOptions, type ResolvedOptions, resolveOptions } from '../options';
import { pgMicrosToUnixMicros, unixMicrosToDate } from '../pg-time';
import { type ChangeTuples, isChangeMessage, readChangeTuples, writeTupleFields } from '../pgoutput/change-tuples';
import { decodePgOutput } from '../pgoutput/decode-pgoutput';
import type { PgOutputMessage } from '../pgoutput/messages';
import { PAYLOAD_OFFSET, parseServerFrame, XLOG_DATA } from '../replication/copy-both-frames';
import { type ReplicationStream, startReplication } from '../replication/replication-stream';
import { invalidatedError, readSlot, type SlotInfo, slotInUseError, slotInvalidated } from '../replication/slot-info';
import { type CdcState, readCdcState, writeCdcState } from '../state/cdc-state';
import { SchemaHistory } from '../state/schema-history';
import { isSynced, type TableState } from '../state/table-state';
import { ChangeBatch } from './change-batch';
import { recoverRawZone } from './recover-raw-zone';
import { RelationRegistry, type RelationShape } from './relation-registry';
import { OP_TRUNCATE } from './staged-csv';
import { StreamedTransactions } from './streamed-transactions';
import { type WrittenFile, writeBatchFiles } from './write-batch-files';

/** Prefix of the logical messages CDC emits to keep an idle slot moving. */
export const HEARTBEAT_PREFIX = 'autocorp_cdc_heartbeat';

/** One cut: files durably written, then the position stored, then acknowledged. */
export interface CdcBatch {
  /**
   * `time`: the oldest change waited cutIntervalMs; `quiet`: the stream went quiet (no change for
   * a tenth of cutIntervalMs, at most 100 ms, no transaction open) and the oldest change waited at least
   * half of cutIntervalMs; `size`: maxRowsPerFile rows or maxBytesPerBatch bytes; `stop`: stopping.
   */
  readonly reason: 'time' | 'quiet' | 'size' | 'stop';
  readonly files: readonly WrittenFile[];
  readonly rows: number;
  readonly position: ChangePosition;
  readonly ackLsn: Lsn;
  /** When the files became readable. */
  readonly writtenAt: Date;
}

/** What an acknowledgement sent to PostgreSQL (a standby status update) carried. */
export interface CdcStatusSent {
  /** Everything up to here was received. */
  readonly receivedLsn: Lsn;
  /** Everything up to here is acknowledged as flushed (durable in the lake, or nothing to capture). */
  readonly ackLsn: Lsn;
}

/** Progress of a running CDC: the library reports it here, it never prints. */
export interface CdcEvents {
  /** After each batch is durable, its position stored and acknowledged. */
  readonly onBatch?: (batch: CdcBatch) => void | Promise<void>;
  /** The files of a batch are durable but its position is not stored yet: a crash from here replays the batch. */
  readonly onFilesWritten?: (files: readonly WrittenFile[]) => void;
  /** After each standby status update sent to PostgreSQL. */
  readonly onStatusSent?: (status: CdcStatusSent) => void;
}

export interface StartCdcOptions extends CdcOptions, CdcEvents {}

export interface CdcRunSummary {
  readonly slotName: string;
  /** Present when this run had to take the full load first. */
  readonly fullLoad?: FullLoadResult;
  readonly batches: number;
  readonly changes: number;
  /** Transactions PostgreSQL streamed before they committed (large ones), committed or aborted. */
  readonly streamedTransactions: number;
  readonly files: number;
  /** CDC files of an unfinished batch found at start and deleted (their changes were replayed). */
  readonly recoveredFiles: readonly string[];
  readonly position: ChangePosition;
  readonly ackLsn: Lsn;
}

export interface CdcRunner {
  readonly slotName: string;
  /** Resolves once the stream is running (after the full load, when one was needed). */
  readonly streaming: Promise<void>;
  /** Settles when CDC ends: after stop(), or with the error that stopped it. */
  readonly done: Promise<CdcRunSummary>;
  /** Graceful stop: flushes pending changes, stores the position, acknowledges, disconnects. */
  stop(): Promise<CdcRunSummary>;
}

/** Internal: stop once a frame at or past this LSN arrived with no transaction open. */
export interface RunControl {
  readonly untilIdle?: boolean;
}

/**
 * Starts CDC: takes the full load first when the slot has none, recovers from any crash
 * (deleting files of an unfinished batch), then streams changes into time/size-cut Parquet files.
 */
export function startCdc(options: StartCdcOptions): CdcRunner {
  return createRunner(resolveOptions(options), options, {});
}

export function createRunner(options: ResolvedOptions, events: CdcEvents, control: RunControl): CdcRunner {
  let stopRequested = false;
  let wake: (() => void) | undefined;
  let markStreaming: () => void = () => undefined;
  let failStreaming: (error: unknown) => void = () => undefined;
  const streaming = new Promise<void>((resolve, reject) => {
    markStreaming = resolve;
    failStreaming = reject;
  });
  streaming.catch(() => undefined);
  const done = run(options, events, control, {
    isStopRequested: () => stopRequested,
    setWake: (fn) => (wake = fn),
    onStreaming: () => markStreaming(),
  });
  done.catch((error: unknown) => failStreaming(error));
  return {
    slotName: options.slotName,
    streaming,
    done,
    stop() {
      stopRequested = true;
      wake?.();
      return done;
    },
  };
}

interface RunHooks {
  isStopRequested(): boolean;
  setWake(fn: () => void): void;
  onStreaming(): void;
}

async function run(options: ResolvedOptions, events: CdcEvents, control: RunControl, hooks: RunHooks): Promise<CdcRunSummary> {
  const { store } = options;
  let state = await readCdcState(store, options.slotName);
  let fullLoadResult: FullLoadResult | undefined;
  if (!state || options.tables.some((t) => !isSynced(state?.tables[t]))) {
    fullLoadResult = await fullLoad(options);
    state = (await readCdcState(store, options.slotName)) as CdcState;
  }

  const sql = await connectSql(options.connection, 'autocorp-cdc-control');
  let replication: pg.Client | undefined;
  let stage: ParquetStage | undefined;
  let statusTimer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  try {
    const slot = await waitForFreeSlot(sql, options);
    const recovery = await recoverRawZone(store, options.tables, state.position);
    const history = await SchemaHistory.load(store, options.slotName);
    const openedStage = await openCdcStage(options);
    stage = openedStage;
    const newBatch = (): ChangeBatch => new ChangeBatch(openedStage, options.maxRowsPerFile);
    let batch = newBatch();
    const streamed = new StreamedTransactions(openedStage);
    const registry = new RelationRegistry(options.schema, new Set(options.tables), history);

    const tables: Record<string, TableState> = { ...state.tables };
    for (const table of options.tables) {
      const t = tables[table];
      if (t?.state === 'sync_done') tables[table] = { ...t, state: 'ready' };
    }
    let stored: ChangePosition = state.position;
    let ackLsn = maxLsn(state.ackLsn, slot.confirmedFlushLsn ?? 0n);
    state = { ...state, tables, ackLsn, updatedAt: new Date().toISOString() };
    await writeCdcState(store, state);

    replication = await connectReplication(options.connection, 'autocorp-cdc-stream');
    const stream: ReplicationStream = startReplication(replication, options.slotName, options.publicationName, ackLsn);
    hooks.setWake(() => stream.frames.wake());

    let stopAtLsn: Lsn | undefined;
    if (control.untilIdle) {
      // A marker after everything committed so far: once it arrives, the stream has caught up.
      const { rows } = await sql.query<{ lsn: string }>(`SELECT pg_logical_emit_message(false, $1, 'until-idle')::text AS lsn`, [HEARTBEAT_PREFIX]);
      stopAtLsn = parseLsn(rows[0]?.lsn ?? '0/0');
    }
    hooks.onStreaming();

    let receivedLsn = ackLsn;
    let completedEnd = ackLsn;
    let tx: OpenTransaction | undefined;
    let streamXid: number | undefined;
    let lastStatusMs = Date.now();
    let lastActivityMs = Date.now();
    let lastHeartbeatMs = Date.now();
    let sawChange = false;
    let heartbeat: Promise<unknown> | undefined;
    let writeFailure: { error: unknown } | undefined;
    let batches = 0;
    let changes = 0;
    let files = 0;
    const streamedXids = new Set<number>();
    // A stream this long without changes has caught up: the batch need not wait out the whole cut interval.
    const quietMs = Math.min(100, options.cutIntervalMs / 10);
    const change: ChangeTuples = { op: 0, xid: undefined, relationId: 0, tuple: 0, oldRow: -1 };

    // Nothing is pending anywhere: no batch rows, no open transaction, no batch being written, and
    // no batch that failed to be written (its changes are not durable, so nothing past them may be acknowledged).
    const idle = (): boolean => batch.isEmpty && tx === undefined && inFlight === undefined && writeFailure === undefined;
    const sendStatus = (replyRequested = false): void => {
      stream.sendStatus(receivedLsn, ackLsn, replyRequested);
      lastStatusMs = Date.now();
      try {
        events.onStatusSent?.({ receivedLsn, ackLsn });
      } catch (error) {
        // Also called from the status timer: a failing listener stops the run with its error instead of escaping.
        writeFailure ??= { error };
      }
    };
    // Keeps replying while a long flush or merge holds the loop, so wal_sender_timeout never fires.
    statusTimer = setInterval(() => {
      if (Date.now() - lastStatusMs >= options.statusIntervalMs) sendStatus();
    }, options.statusIntervalMs);
    const throwIfWriteFailed = (): void => {
      if (writeFailure) throw writeFailure.error;
    };
    const advanceIdleAck = (lsn: Lsn): void => {
      if (idle() && lsn > ackLsn) ackLsn = lsn;
    };

    /** Files durably written, then the schema history, then the position, then the acknowledgement. */
    const writeBatch = async (full: ChangeBatch, reason: CdcBatch['reason'], ackTarget: Lsn): Promise<void> => {
      try {
        const written = await writeBatchFiles({
          stage: openedStage,
          store,
          entries: full.pending,
          maxRowsPerFile: options.maxRowsPerFile,
          metaNames: { commitTimestamp: options.commitTimestampColumn },
          lastFileTime: recovery.lastFileTime,
        });
        events.onFilesWritten?.(written);
        await history.persist();
        const position = full.last as ChangePosition;
        const newAck = maxLsn(ackLsn, ackTarget);
        const commitTime = full.lastCommitMicros !== undefined ? unixMicrosToDate(full.lastCommitMicros).toISOString() : state?.lastCommitTime;
        state = { ...(state as CdcState), position, ackLsn: newAck, lastCommitTime: commitTime, updatedAt: new Date().toISOString(), tables };
        await writeCdcState(store, state);
        stored = position;
        ackLsn = newAck;
        sendStatus();
        const rows = written.reduce((n, f) => n + f.rows, 0);
        batches += 1;
        changes += rows;
        files += written.length;
        await events.onBatch?.({ reason, files: written, rows, position, ackLsn, writtenAt: new Date() });
      } finally {
        await full.clear();
      }
    };

    /**
     * Cuts the batch: it is written in the background while the stream goes on into a new one.
     * At most one batch is being written; a second cut waits for it.
     */
    const cut = async (reason: CdcBatch['reason']): Promise<void> => {
      if (inFlight) await inFlight;
      throwIfWriteFailed();
      if (batch.isEmpty) {
        if (history.hasPendingWrites) await history.persist();
        return;
      }
      const full = batch;
      batch = newBatch();
      // Acknowledge only transactions complete at the cut: all their changes are in this batch or earlier.
      const task = writeBatch(full, reason, completedEnd).then(
        () => undefined,
        (error: unknown) => void (writeFailure ??= { error }),
      );
      const tracked: Promise<void> = task.finally(() => {
        if (inFlight === tracked) inFlight = undefined;
      });
      inFlight = tracked;
    };

    const cutIfFull = (): Promise<void> | undefined => {
      if (batch.rows >= options.maxRowsPerFile || batch.bytes >= options.maxBytesPerBatch) return cut('size');
      return undefined;
    };

    const describeColumn = (shape: RelationShape) => (i: number) => ({ table: shape.table, column: shape.columns[i]?.name ?? `#${i + 1}` });

    /** Insert, update, delete: the hot path, synchronous unless the batch must be cut. */
    const handleChange = (frame: Buffer): Promise<void> | undefined => {
      readChangeTuples(frame, PAYLOAD_OFFSET, streamXid !== undefined, change);
      sawChange = true;
      const shape = registry.get(change.relationId);
      if (!shape.captured) return undefined;
      const columnCount = shape.columns.length;
      if (streamXid !== undefined) {
        const writer = streamed.beginRow(streamXid, change.xid ?? streamXid, shape, change.op);
        writeTupleFields(writer, frame, change, columnCount, describeColumn(shape));
        writer.endRow();
        return undefined;
      }
      if (!tx) throw outOfTransactionError();
      tx.seq += 1;
      if (tx.seq <= tx.skipThrough) return undefined;
      const entry = batch.entry(shape);
      const writer = entry.beginRow(change.op, tx.finalLsn, tx.lsnText, tx.seq, tx.commitMicros, tx.tsText);
      writeTupleFields(writer, frame, change, columnCount, describeColumn(shape));
      writer.endRow();
      batch.noteRow(tx.finalLsn, tx.seq, tx.commitMicros);
      return cutIfFull();
    };

    /** A `T` row (all values NULL) per captured table, at the truncate's place in its transaction. */
    const handleTruncate = (relationIds: readonly number[], subXid: number | undefined): Promise<void> | undefined => {
      for (const id of relationIds) {
        const shape = registry.get(id);
        if (!shape.captured) continue;
        sawChange = true;
        if (streamXid !== undefined) {
          const writer = streamed.beginRow(streamXid, subXid ?? streamXid, shape, OP_TRUNCATE);
          for (let i = 0; i < shape.columns.length; i++) writer.nullField();
          writer.endRow();
          continue;
        }
        if (!tx) throw outOfTransactionError();
        tx.seq += 1;
        if (tx.seq <= tx.skipThrough) continue;
        const writer = batch.entry(shape).beginRow(OP_TRUNCATE, tx.finalLsn, tx.lsnText, tx.seq, tx.commitMicros, tx.tsText);
        for (let i = 0; i < shape.columns.length; i++) writer.nullField();
        writer.endRow();
        batch.noteRow(tx.finalLsn, tx.seq, tx.commitMicros);
        history.record('truncate', shape.table, tx.finalLsn);
      }
      return cutIfFull();
    };

    const handleMessage = async (message: PgOutputMessage, walStart: Lsn): Promise<void> => {
      switch (message.tag) {
        case 'begin':
          tx = openTransaction(message.finalLsn, pgMicrosToUnixMicros(message.commitTime), stored);
          return;
        case 'commit':
          tx = undefined;
          completedEnd = maxLsn(completedEnd, message.endLsn);
          receivedLsn = maxLsn(receivedLsn, message.endLsn);
          advanceIdleAck(message.endLsn);
          return;
        case 'relation':
          registry.onRelation(message.relationId, message.namespace, message.name, message.columns, tx?.finalLsn ?? walStart);
          return;
        case 'insert':
        case 'update':
        case 'delete':
          throw new CdcError('protocol', 'A change message reached the general decoder; this is a bug in @autocorp/cdc, report it.');
        case 'truncate':
          return handleTruncate(message.relationIds, message.xid);
        case 'message':
          if (!message.transactional) advanceIdleAck(message.lsn);
          return;
        case 'stream-start':
          streamXid = message.xid;
          streamedXids.add(message.xid);
          sawChange = true;
          return;
        case 'stream-stop':
          streamXid = undefined;
          return;
        case 'stream-abort':
          await streamed.abort(message.xid, message.subXid);
          return;
        case 'stream-commit': {
          const committed = await streamed.commit(message.xid, message.commitLsn, pgMicrosToUnixMicros(message.commitTime), batch, stored);
          for (const table of committed.truncated) history.record('truncate', table, message.commitLsn);
          completedEnd = maxLsn(completedEnd, message.endLsn);
          receivedLsn = maxLsn(receivedLsn, message.endLsn);
          advanceIdleAck(message.endLsn);
          await cutIfFull();
          return;
        }
        case 'type':
        case 'origin':
          return;
      }
    };

    const handleFrame = (frame: Buffer): Promise<void> | undefined => {
      if (frame[0] === XLOG_DATA && frame.length > PAYLOAD_OFFSET && isChangeMessage(frame, PAYLOAD_OFFSET)) return handleChange(frame);
      const parsed = parseServerFrame(frame);
      if (parsed.kind === 'keepalive') {
        receivedLsn = maxLsn(receivedLsn, parsed.walEnd);
        const before = ackLsn;
        advanceIdleAck(parsed.walEnd);
        if (parsed.replyRequested || ackLsn !== before) sendStatus();
        return undefined;
      }
      receivedLsn = maxLsn(receivedLsn, parsed.walStart);
      return handleMessage(decodePgOutput(parsed.payload, streamXid !== undefined), parsed.walStart);
    };

    /** Time-driven work: the time cut, status updates, heartbeats. Synchronous unless a cut is due. */
    const tick = (): Promise<void> | undefined => {
      const now = Date.now();
      if (sawChange) {
        lastActivityMs = now;
        sawChange = false;
      }
      if (now - lastStatusMs >= options.statusIntervalMs) sendStatus();
      if (!heartbeat && now - lastActivityMs >= options.heartbeatIntervalMs && now - lastHeartbeatMs >= options.heartbeatIntervalMs) {
        lastHeartbeatMs = now;
        heartbeat = sql
          .query(`SELECT pg_logical_emit_message(false, $1, $2)`, [HEARTBEAT_PREFIX, new Date().toISOString()])
          .catch(() => undefined)
          .finally(() => (heartbeat = undefined));
      }
      if (batch.firstArrivalMs !== undefined) {
        const age = now - batch.firstArrivalMs;
        if (age >= options.cutIntervalMs) return cut('time');
        if (age >= options.cutIntervalMs / 2 && now - lastActivityMs >= quietMs && tx === undefined && streamXid === undefined) return cut('quiet');
      }
      if (batch.isEmpty && inFlight === undefined && history.hasPendingWrites) return history.persist();
      return undefined;
    };

    const nextWait = (): number => {
      const now = Date.now();
      let wait = Math.min(options.statusIntervalMs - (now - lastStatusMs), options.heartbeatIntervalMs);
      if (batch.firstArrivalMs !== undefined) {
        wait = Math.min(wait, options.cutIntervalMs - (now - batch.firstArrivalMs));
        const quietCut = Math.max(batch.firstArrivalMs + options.cutIntervalMs / 2, lastActivityMs + quietMs);
        if (tx === undefined && streamXid === undefined) wait = Math.min(wait, quietCut - now);
      }
      if (stopAtLsn !== undefined) wait = Math.min(wait, 200);
      return Math.max(1, wait);
    };

    for (;;) {
      throwIfWriteFailed();
      if (hooks.isStopRequested()) break;
      if (stopAtLsn !== undefined && receivedLsn >= stopAtLsn && tx === undefined && streamXid === undefined) break;
      let frame = stream.frames.poll();
      if (!frame) {
        const item = await stream.frames.take(nextWait());
        if (item.kind === 'end') {
          if (hooks.isStopRequested()) break;
          throw streamEndedError(options.slotName, stream.frames.error);
        }
        if (item.kind === 'frame') frame = item.frame;
        else if (item.kind === 'timeout' && stopAtLsn !== undefined) sendStatus(true);
      }
      if (frame) {
        const pending = handleFrame(frame);
        if (pending) await pending;
      }
      const due = tick();
      if (due) await due;
    }

    await cut('stop');
    if (inFlight) await inFlight;
    throwIfWriteFailed();
    sendStatus();
    await heartbeat;
    await streamed.clear();
    await stream.end();
    return {
      slotName: options.slotName,
      ...(fullLoadResult ? { fullLoad: fullLoadResult } : {}),
      batches,
      changes,
      streamedTransactions: streamedXids.size,
      files,
      recoveredFiles: recovery.deleted,
      position: stored,
      ackLsn,
    };
  } finally {
    clearInterval(statusTimer);
    // A batch still being written finishes (or fails) before the stage goes away; its position is never stored after a failure.
    await inFlight?.catch(() => undefined);
    await replication?.end().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await stage?.close().catch(() => undefined);
  }
}

/** The transaction being decoded: its commit LSN and time (also as decimal ASCII for the CSV rows), and its change count. */
interface OpenTransaction {
  readonly finalLsn: Lsn;
  readonly commitMicros: bigint;
  readonly lsnText: Buffer;
  readonly tsText: Buffer;
  seq: number;
  /** Changes with seq at or below this are already in the lake (replay after a crash). */
  readonly skipThrough: number;
}

function openTransaction(finalLsn: Lsn, commitMicros: bigint, stored: ChangePosition): OpenTransaction {
  const skipThrough = finalLsn < stored.lsn ? Number.MAX_SAFE_INTEGER : finalLsn === stored.lsn ? stored.seq : 0;
  return { finalLsn, commitMicros, lsnText: Buffer.from(finalLsn.toString()), tsText: Buffer.from(commitMicros.toString()), seq: 0, skipThrough };
}

function outOfTransactionError(): CdcError {
  return new CdcError('protocol', 'A change arrived outside any transaction; the replication stream is out of order. Restart CDC.');
}

/** The slot, once no other process streams from it (a killed predecessor's walsender may linger briefly). */
async function waitForFreeSlot(sql: pg.Client, options: ResolvedOptions): Promise<SlotInfo> {
  const deadline = Date.now() + options.slotBusyTimeoutMs;
  for (;;) {
    const slot = await readSlot(sql, options.slotName);
    if (!slot) {
      throw new CdcError(
        'slot-missing',
        `Replication slot "${options.slotName}" does not exist, though the lake holds CDC state for it: changes since then cannot be recovered. Run dropCdc and start CDC again to take a new full load.`,
      );
    }
    if (slotInvalidated(slot)) throw invalidatedError(slot);
    if (!slot.active) return slot;
    if (Date.now() >= deadline) throw slotInUseError(slot);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function streamEndedError(slotName: string, cause: unknown): CdcError {
  const text = cause instanceof Error ? cause.message : 'the server closed the connection';
  if (/is active for PID/i.test(text)) {
    return new CdcError('slot-in-use', `Replication slot "${slotName}" is already streaming to another process (${text}). Stop the other CDC process first, or give this one its own slotName.`, { cause });
  }
  if (/wal_level|logical decoding requires/i.test(text)) {
    return new CdcError('wal-level', `Logical decoding is off on the server (${text}). Set wal_level = logical and restart PostgreSQL.`, { cause });
  }
  if (/invalidated|can no longer be used|required WAL/i.test(text)) {
    return new CdcError('slot-invalidated', `Replication slot "${slotName}" can no longer be used (${text}). Run dropCdc, then start CDC again to take a new full load.`, { cause });
  }
  return new CdcError(
    'replication-failed',
    `The replication stream of slot "${slotName}" stopped: ${text}. Nothing beyond the stored position was acknowledged; start CDC again to resume from it.`,
    { cause },
  );
}

