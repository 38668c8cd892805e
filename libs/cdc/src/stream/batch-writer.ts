import type { ObjectStore } from '../lake/object-store';
import type { ParquetStage } from '../lake/parquet-stage';
import type { ChangePosition } from '@autocorp/lake-storage';
import type { Lsn } from '../lsn';
import type { ResolvedOptions } from '../options';
import { unixMicrosToDate } from '../pg-time';
import { type CdcState, writeCdcState } from '../state/cdc-state';
import type { SchemaHistory } from '../state/schema-history';
import type { AckTracker } from './ack-tracker';
import type { CdcBatch, CdcEvents } from './cdc-events';
import { ChangeBatch } from './change-batch';
import type { StreamedCommit, StreamedTransactions } from './streamed-transactions';
import { writeBatchFiles } from './write-batch-files';

export interface BatchWriterInput {
  readonly options: ResolvedOptions;
  readonly stage: ParquetStage;
  readonly store: ObjectStore;
  readonly history: SchemaHistory;
  readonly tracker: AckTracker;
  readonly events: CdcEvents;
  /** position.json as stored when streaming starts. */
  readonly state: CdcState;
  /** The newest CDC file time per table found at start (file names never go back in time). */
  readonly lastFileTime: Map<string, Date>;
  /** Sends a standby status update (after a batch is acknowledged). */
  readonly sendStatus: () => void;
}

/**
 * The current batch, the one batch being written, and a write failure. A cut hands the current batch
 * to a background write (files durably written, then the schema history, then position.json, then
 * the acknowledgement, in that order) while the stream goes on into a new batch; a second cut waits
 * for the first write. After a failure nothing more is written and the run stops with its error.
 */
export class BatchWriter {
  private batch: ChangeBatch;
  private inFlight: Promise<void> | undefined;
  private failure: { readonly error: unknown } | undefined;
  private stateStored: CdcState;
  batches = 0;
  changes = 0;
  files = 0;

  constructor(private readonly input: BatchWriterInput) {
    this.batch = this.newBatch();
    this.stateStored = input.state;
  }

  /** The batch changes go into now. */
  get current(): ChangeBatch {
    return this.batch;
  }

  get isWriting(): boolean {
    return this.inFlight !== undefined;
  }

  /** position.json as last stored by this run. */
  get state(): CdcState {
    return this.stateStored;
  }

  /** Records a change just written into the current batch. */
  noteRow(lsn: Lsn, seq: number, commitMicros: bigint): void {
    this.batch.noteRow(lsn, seq, commitMicros);
    this.input.tracker.changesAdded();
  }

  /** Adds a streamed transaction's surviving changes to the current batch at its commit. */
  async commitStreamed(
    streamed: StreamedTransactions,
    xid: number,
    commitLsn: Lsn,
    commitMicros: bigint,
  ): Promise<StreamedCommit> {
    const committed = await streamed.commit(xid, commitLsn, commitMicros, this.batch, this.input.tracker.stored);
    if (committed.last !== undefined) this.input.tracker.changesAdded();
    return committed;
  }

  /**
   * Stops the run with `error` at its next step (e.g. a failing listener); nothing the stream reaches
   * is acknowledged from now on. The first failure wins.
   */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.input.tracker.halt();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits for the batch being written, if any (its failure is kept, not thrown). */
  async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight;
  }

  /** Cuts when the batch reached maxRowsPerFile rows or maxBytesPerBatch bytes. */
  cutIfFull(): Promise<void> | undefined {
    const { maxRowsPerFile, maxBytesPerBatch } = this.input.options;
    if (this.batch.rows >= maxRowsPerFile || this.batch.bytes >= maxBytesPerBatch) return this.cut('size');
    return undefined;
  }

  /**
   * Cuts the batch: it is written in the background while the stream goes on into a new one.
   * At most one batch is being written; a second cut waits for it.
   */
  async cut(reason: CdcBatch['reason']): Promise<void> {
    await this.settle();
    this.throwIfFailed();
    if (this.batch.isEmpty) {
      if (this.input.history.hasPendingWrites) await this.input.history.persist();
      return;
    }
    const full = this.batch;
    this.batch = this.newBatch();
    this.input.tracker.cut();
    const task = this.write(full, reason).then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
        this.input.tracker.writeFailed();
      },
    );
    const tracked: Promise<void> = task.finally(() => {
      if (this.inFlight === tracked) this.inFlight = undefined;
    });
    this.inFlight = tracked;
  }

  /** Files durably written, then the schema history, then the position, then the acknowledgement. */
  private async write(full: ChangeBatch, reason: CdcBatch['reason']): Promise<void> {
    const { options, stage, store, history, tracker, events } = this.input;
    try {
      const written = await writeBatchFiles({
        stage,
        store,
        entries: full.pending,
        maxRowsPerFile: options.maxRowsPerFile,
        metaNames: { commitTimestamp: options.commitTimestampColumn },
        lastFileTime: this.input.lastFileTime,
      });
      events.onFilesWritten?.(written);
      await history.persist();
      const position = full.last as ChangePosition;
      const previous = this.stateStored;
      const lastCommitTime =
        full.lastCommitMicros !== undefined
          ? unixMicrosToDate(full.lastCommitMicros).toISOString()
          : previous.lastCommitTime;
      const next: CdcState = {
        ...previous,
        position,
        ackLsn: tracker.ackOnceStored,
        lastCommitTime,
        updatedAt: new Date().toISOString(),
      };
      await writeCdcState(store, next);
      this.stateStored = next;
      const ackLsn = tracker.batchStored(position);
      this.input.sendStatus();
      const rows = written.reduce((n, f) => n + f.rows, 0);
      this.batches += 1;
      this.changes += rows;
      this.files += written.length;
      await events.onBatch?.({ reason, files: written, rows, position, ackLsn, writtenAt: new Date() });
    } finally {
      await full.clear();
    }
  }

  private newBatch(): ChangeBatch {
    return new ChangeBatch(this.input.stage, this.input.options.maxRowsPerFile);
  }
}
