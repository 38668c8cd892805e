import type pg from 'pg';
import { connectReplication, connectSql } from '../connection';
import { fullLoad, type FullLoadResult } from '../full-load/run-full-load';
import { openCdcStage } from '../lake/cdc-staging';
import type { ParquetStage } from '../lake/parquet-stage';
import type { ChangePosition } from '@autocorp/lake-storage';
import { type Lsn, maxLsn, parseLsn } from '../lsn';
import { type CdcOptions, type ResolvedOptions, resolveOptions } from '../options';
import { startReplication } from '../replication/replication-stream';
import { streamEndedError } from '../replication/stream-ended-error';
import { waitForFreeSlot } from '../replication/wait-for-free-slot';
import { type CdcState, readCdcState, writeCdcState } from '../state/cdc-state';
import { SchemaHistory } from '../state/schema-history';
import { assertNoErroredTable, needsFullLoad, recordTableFailure, startStreaming } from '../state/table-lifecycle';
import { AckTracker } from './ack-tracker';
import { BatchWriter } from './batch-writer';
import type { CdcEvents } from './cdc-events';
import { MessageDispatcher } from './message-dispatcher';
import { recoverRawZone } from './recover-raw-zone';
import { RelationRegistry } from './relation-registry';
import { StatusSender } from './status-sender';
import { StreamedTransactions } from './streamed-transactions';
import { HEARTBEAT_PREFIX, TimedWork } from './timed-work';
import { TransactionTracker } from './transaction-tracker';

export type { CdcBatch, CdcEvents, CdcStatusSent } from './cdc-events';
export { HEARTBEAT_PREFIX } from './timed-work';

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

/**
 * Wires the parts: the acknowledgement tracker (received / stored / acknowledged), the batch writer
 * (current batch, the write in flight, failure, cut), the transaction tracker and the message
 * dispatcher, then loops: take a frame, dispatch it, do what time made due.
 */
async function run(
  options: ResolvedOptions,
  events: CdcEvents,
  control: RunControl,
  hooks: RunHooks,
): Promise<CdcRunSummary> {
  const { store } = options;
  let state = await readCdcState(store, options.slotName);
  if (state) assertNoErroredTable(state, options.tables);
  let fullLoadResult: FullLoadResult | undefined;
  if (needsFullLoad(state, options.tables)) {
    fullLoadResult = await fullLoad(options);
    state = (await readCdcState(store, options.slotName)) as CdcState;
  }
  const initial = state as CdcState;

  const sql = await connectSql(options.connection, 'autocorp-cdc-control');
  let replication: pg.Client | undefined;
  let stage: ParquetStage | undefined;
  let status: StatusSender | undefined;
  let writer: BatchWriter | undefined;
  try {
    const slot = await waitForFreeSlot(sql, options);
    const recovery = await recoverRawZone(store, options.tables, initial.position);
    const history = await SchemaHistory.load(store, options.slotName);
    stage = await openCdcStage(options);
    const tracker = new AckTracker({
      acknowledged: maxLsn(initial.ackLsn, slot.confirmedFlushLsn ?? 0n),
      stored: initial.position,
    });
    const started: CdcState = {
      ...initial,
      tables: startStreaming(initial, options.tables),
      ackLsn: tracker.acknowledged,
      updatedAt: new Date().toISOString(),
    };
    await writeCdcState(store, started);

    replication = await connectReplication(options.connection, 'autocorp-cdc-stream');
    const stream = startReplication(replication, options.slotName, options.publicationName, tracker.acknowledged);
    hooks.setWake(() => stream.frames.wake());
    const stopAtLsn = control.untilIdle ? await emitCaughtUpMarker(sql) : undefined;
    hooks.onStreaming();

    const streamed = new StreamedTransactions(stage);
    const transactions = new TransactionTracker();
    const sender = new StatusSender(stream, tracker, options.statusIntervalMs, events, (error) => writer?.fail(error));
    status = sender;
    sender.startTimer();
    const batchWriter = new BatchWriter({
      options,
      stage,
      store,
      history,
      tracker,
      events,
      state: started,
      lastFileTime: recovery.lastFileTime,
      sendStatus: () => sender.send(),
    });
    writer = batchWriter;
    const registry = new RelationRegistry(options.schema, new Set(options.tables), history);
    const dispatcher = new MessageDispatcher({
      registry,
      streamed,
      writer: batchWriter,
      tracker,
      transactions,
      history,
      sendStatus: () => sender.send(),
    });
    const timed = new TimedWork({
      options,
      sql,
      writer: batchWriter,
      transactions,
      history,
      status: sender,
      untilIdle: stopAtLsn !== undefined,
    });

    for (;;) {
      batchWriter.throwIfFailed();
      if (hooks.isStopRequested()) break;
      if (stopAtLsn !== undefined && tracker.received >= stopAtLsn && !transactions.isOpen) break;
      let frame = stream.frames.poll();
      if (!frame) {
        const item = await stream.frames.take(timed.nextWait());
        if (item.kind === 'end') {
          if (hooks.isStopRequested()) break;
          throw streamEndedError(options.slotName, stream.frames.error);
        }
        if (item.kind === 'frame') frame = item.frame;
        else if (item.kind === 'timeout' && stopAtLsn !== undefined) sender.send(true);
      }
      if (frame) {
        const pending = dispatcher.handleFrame(frame);
        if (pending) await pending;
      }
      const due = timed.tick(dispatcher.takeActivity());
      if (due) await due;
    }

    await batchWriter.cut('stop');
    await batchWriter.settle();
    batchWriter.throwIfFailed();
    sender.send();
    await timed.finish();
    await streamed.clear();
    await stream.end();
    return {
      slotName: options.slotName,
      ...(fullLoadResult ? { fullLoad: fullLoadResult } : {}),
      batches: batchWriter.batches,
      changes: batchWriter.changes,
      streamedTransactions: transactions.streamedCount,
      files: batchWriter.files,
      recoveredFiles: recovery.deleted,
      position: tracker.stored,
      ackLsn: tracker.acknowledged,
    };
  } catch (error) {
    if (writer) {
      // The batch being written settles first: its position is stored (or not) before the table's failure is.
      await writer.settle();
      await recordTableFailure(store, writer.state, error).catch(() => undefined);
    }
    throw error;
  } finally {
    status?.stopTimer();
    // A batch still being written finishes (or fails) before the stage goes away; its position is never stored after a failure.
    await writer?.settle().catch(() => undefined);
    await replication?.end().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await stage?.close().catch(() => undefined);
  }
}

/** A logical message after everything committed so far: once the stream reaches it, it has caught up. */
async function emitCaughtUpMarker(sql: pg.Client): Promise<Lsn> {
  const { rows } = await sql.query<{ lsn: string }>(
    `SELECT pg_logical_emit_message(false, $1, 'until-idle')::text AS lsn`,
    [HEARTBEAT_PREFIX],
  );
  return parseLsn(rows[0]?.lsn ?? '0/0');
}
