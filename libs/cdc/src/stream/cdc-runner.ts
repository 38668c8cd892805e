import type pg from 'pg';
import { CdcError } from '../cdc-error';
import { connectReplication, connectSql } from '../connection';
import { fullLoad, type FullLoadResult } from '../full-load/run-full-load';
import { ParquetStage } from '../lake/parquet-stage';
import { type ChangePosition, comparePositions } from '../lake/raw-layout';
import { type Lsn, maxLsn, parseLsn } from '../lsn';
import { type CdcOptions, type ResolvedOptions, resolveOptions } from '../options';
import { pgMicrosToUnixMicros, unixMicrosToDate } from '../pg-time';
import { decodePgOutput } from '../pgoutput/decode-pgoutput';
import type { PgOutputMessage } from '../pgoutput/messages';
import { parseServerFrame } from '../replication/copy-both-frames';
import { type ReplicationStream, startReplication } from '../replication/replication-stream';
import { invalidatedError, readSlot, type SlotInfo, slotInUseError, slotInvalidated } from '../replication/slot-info';
import { type CdcState, readCdcState, writeCdcState } from '../state/cdc-state';
import { SchemaHistory } from '../state/schema-history';
import { isSynced, type TableState } from '../state/table-state';
import { ChangeBatch } from './change-batch';
import { recoverRawZone } from './recover-raw-zone';
import { RelationRegistry } from './relation-registry';
import { rowImage } from './row-image';
import { StreamedTransactions } from './streamed-transactions';
import { type WrittenFile, writeBatchFiles } from './write-batch-files';

/** Prefix of the logical messages CDC emits to keep an idle slot moving. */
export const HEARTBEAT_PREFIX = 'autocorp_cdc_heartbeat';

/** One cut: files durably written, then the position stored, then acknowledged. */
export interface CdcBatch {
  readonly reason: 'time' | 'size' | 'stop';
  readonly files: readonly WrittenFile[];
  readonly rows: number;
  readonly position: ChangePosition;
  readonly ackLsn: Lsn;
  /** When the files became readable. */
  readonly writtenAt: Date;
}

export interface StartCdcOptions extends CdcOptions {
  /** Called after each batch is durable and acknowledged. */
  readonly onBatch?: (batch: CdcBatch) => void | Promise<void>;
}

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
  return createRunner(resolveOptions(options), options.onBatch, {});
}

export function createRunner(options: ResolvedOptions, onBatch: StartCdcOptions['onBatch'], control: RunControl): CdcRunner {
  let stopRequested = false;
  let wake: (() => void) | undefined;
  let markStreaming: () => void = () => undefined;
  let failStreaming: (error: unknown) => void = () => undefined;
  const streaming = new Promise<void>((resolve, reject) => {
    markStreaming = resolve;
    failStreaming = reject;
  });
  streaming.catch(() => undefined);
  const done = run(options, onBatch, control, {
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

async function run(options: ResolvedOptions, onBatch: StartCdcOptions['onBatch'], control: RunControl, hooks: RunHooks): Promise<CdcRunSummary> {
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
  try {
    const slot = await waitForFreeSlot(sql, options);
    const recovery = await recoverRawZone(store, options.tables, state.position);
    const history = await SchemaHistory.load(store, options.slotName);
    stage = await ParquetStage.open({ tempRoot: options.tempRoot });
    const batch = new ChangeBatch(stage);
    const streamed = new StreamedTransactions(stage);
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
    let tx: { finalLsn: Lsn; commitMicros: bigint; seq: number } | undefined;
    let streamXid: number | undefined;
    let lastStatusMs = Date.now();
    let lastActivityMs = Date.now();
    let lastHeartbeatMs = Date.now();
    let heartbeat: Promise<unknown> | undefined;
    let batches = 0;
    let changes = 0;
    let files = 0;
    const streamedXids = new Set<number>();

    const idle = (): boolean => batch.isEmpty && tx === undefined;
    const sendStatus = (replyRequested = false): void => {
      stream.sendStatus(receivedLsn, ackLsn, replyRequested);
      lastStatusMs = Date.now();
    };
    // Keeps replying while a long flush or merge holds the loop, so wal_sender_timeout never fires.
    statusTimer = setInterval(() => {
      if (Date.now() - lastStatusMs >= options.statusIntervalMs) sendStatus();
    }, options.statusIntervalMs);
    const advanceIdleAck = (lsn: Lsn): void => {
      if (idle() && lsn > ackLsn) ackLsn = lsn;
    };

    const flush = async (reason: CdcBatch['reason']): Promise<void> => {
      if (batch.isEmpty) {
        if (history.hasPendingWrites) await history.persist();
        return;
      }
      const written = await writeBatchFiles({
        stage: stage as ParquetStage,
        store,
        entries: batch.pending,
        maxRowsPerFile: options.maxRowsPerFile,
        metaNames: { commitTimestamp: options.commitTimestampColumn },
        lastFileTime: recovery.lastFileTime,
      });
      await history.persist();
      const position = batch.last as ChangePosition;
      const newAck = maxLsn(ackLsn, completedEnd);
      const commitTime = batch.lastCommitMicros !== undefined ? unixMicrosToDate(batch.lastCommitMicros).toISOString() : state?.lastCommitTime;
      state = { ...(state as CdcState), position, ackLsn: newAck, lastCommitTime: commitTime, updatedAt: new Date().toISOString(), tables };
      await writeCdcState(store, state);
      stored = position;
      ackLsn = newAck;
      sendStatus();
      const rows = written.reduce((n, f) => n + f.rows, 0);
      batches += 1;
      changes += rows;
      files += written.length;
      await batch.clear();
      await onBatch?.({ reason, files: written, rows, position, ackLsn, writtenAt: new Date() });
    };

    const cutIfFull = async (): Promise<void> => {
      if (!batch.isEmpty && (batch.rows >= options.maxRowsPerFile || batch.bytes >= options.maxBytesPerBatch)) await flush('size');
    };

    const handleMessage = async (message: PgOutputMessage, walStart: Lsn): Promise<void> => {
      switch (message.tag) {
        case 'begin':
          tx = { finalLsn: message.finalLsn, commitMicros: pgMicrosToUnixMicros(message.commitTime), seq: 0 };
          return;
        case 'commit':
          tx = undefined;
          completedEnd = maxLsn(completedEnd, message.endLsn);
          receivedLsn = maxLsn(receivedLsn, message.endLsn);
          advanceIdleAck(message.endLsn);
          await cutIfFull();
          return;
        case 'relation':
          registry.onRelation(message.relationId, message.namespace, message.name, message.columns, tx?.finalLsn ?? walStart);
          return;
        case 'insert':
        case 'update':
        case 'delete': {
          lastActivityMs = Date.now();
          const shape = registry.get(message.relationId);
          if (!shape.captured) return;
          const image = rowImage(message, shape);
          if (streamXid !== undefined) {
            await streamed.append(streamXid, message.xid ?? streamXid, shape, image.op, image.values);
            return;
          }
          if (!tx) throw new CdcError('protocol', 'A change arrived outside any transaction; the replication stream is out of order. Restart CDC.');
          tx.seq += 1;
          const position = { lsn: tx.finalLsn, seq: tx.seq };
          if (comparePositions(position, stored) <= 0) return;
          batch.append(await batch.entry(shape), image.op, position, tx.commitMicros, image.values);
          await cutIfFull();
          return;
        }
        case 'truncate': {
          const lsn = tx?.finalLsn ?? walStart;
          if (lsn <= stored.lsn) return;
          for (const id of message.relationIds) {
            const shape = registry.get(id);
            if (shape.captured) history.record('truncate', shape.table, lsn);
          }
          return;
        }
        case 'message':
          if (!message.transactional) advanceIdleAck(message.lsn);
          return;
        case 'stream-start':
          streamXid = message.xid;
          streamedXids.add(message.xid);
          lastActivityMs = Date.now();
          return;
        case 'stream-stop':
          streamXid = undefined;
          return;
        case 'stream-abort':
          await streamed.abort(message.xid, message.subXid);
          return;
        case 'stream-commit': {
          await streamed.commit(message.xid, message.commitLsn, pgMicrosToUnixMicros(message.commitTime), batch, stored);
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

    const tick = async (): Promise<void> => {
      const now = Date.now();
      if (batch.firstArrivalMs !== undefined && now - batch.firstArrivalMs >= options.cutIntervalMs) await flush('time');
      else if (batch.isEmpty && history.hasPendingWrites) await history.persist();
      if (now - lastStatusMs >= options.statusIntervalMs) sendStatus();
      if (!heartbeat && now - lastActivityMs >= options.heartbeatIntervalMs && now - lastHeartbeatMs >= options.heartbeatIntervalMs) {
        lastHeartbeatMs = now;
        heartbeat = sql
          .query(`SELECT pg_logical_emit_message(false, $1, $2)`, [HEARTBEAT_PREFIX, new Date().toISOString()])
          .catch(() => undefined)
          .finally(() => (heartbeat = undefined));
      }
    };

    const nextWait = (): number => {
      const now = Date.now();
      let wait = Math.min(options.statusIntervalMs - (now - lastStatusMs), options.heartbeatIntervalMs);
      if (batch.firstArrivalMs !== undefined) wait = Math.min(wait, options.cutIntervalMs - (now - batch.firstArrivalMs));
      if (stopAtLsn !== undefined) wait = Math.min(wait, 200);
      return Math.max(1, wait);
    };

    for (;;) {
      if (hooks.isStopRequested()) break;
      if (stopAtLsn !== undefined && receivedLsn >= stopAtLsn && tx === undefined && streamXid === undefined) break;
      const item = await stream.frames.take(nextWait());
      if (item.kind === 'end') {
        if (hooks.isStopRequested()) break;
        throw streamEndedError(options.slotName, stream.frames.error);
      }
      if (item.kind === 'frame') {
        const frame = parseServerFrame(item.frame);
        if (frame.kind === 'keepalive') {
          receivedLsn = maxLsn(receivedLsn, frame.walEnd);
          const before = ackLsn;
          advanceIdleAck(frame.walEnd);
          if (frame.replyRequested || ackLsn !== before) sendStatus();
        } else {
          receivedLsn = maxLsn(receivedLsn, frame.walStart);
          await handleMessage(decodePgOutput(frame.payload, streamXid !== undefined), frame.walStart);
        }
      } else if (item.kind === 'timeout' && stopAtLsn !== undefined) {
        sendStatus(true);
      }
      await tick();
    }

    await flush('stop');
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
    await replication?.end().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await stage?.close().catch(() => undefined);
  }
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

