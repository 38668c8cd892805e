import { CdcError } from '../cdc-error';
import { type ChangePosition, comparePositions } from '@autocorp/lake-storage';
import { type Lsn, maxLsn } from '../lsn';

/** Where a run starts: what PostgreSQL (or position.json) already holds as acknowledged and stored. */
export interface AckStart {
  readonly acknowledged: Lsn;
  readonly stored: ChangePosition;
}

/**
 * What the stream has received, stored and acknowledged (after Supabase ETL's ReplicationProgress).
 * Pure: no I/O, no clock; the runner reports events and asks what to acknowledge.
 *
 * The invariant it keeps: the acknowledged LSN never covers a transaction with a change that is not
 * durably stored. It moves only (a) when a written batch's position is stored, to the end of the last
 * transaction complete when that batch was cut, or (b) while nothing is pending at all (no change
 * waiting in the batch, no transaction open, no batch being written, no failed write), to a position
 * the stream reached. Every position here only moves forward; after a failed write nothing moves
 * the acknowledgement again.
 */
export class AckTracker {
  private receivedLsn: Lsn;
  private completedLsn: Lsn;
  private acknowledgedLsn: Lsn;
  private storedPosition: ChangePosition;
  private inTransaction = false;
  private changesWaiting = false;
  /** The batch being written, and what storing it lets us acknowledge. */
  private writing: { readonly ackTarget: Lsn } | undefined;
  /** A write failed or the run halted: only a batch already being written may still move the acknowledgement. */
  private failed = false;

  constructor(start: AckStart) {
    this.receivedLsn = start.acknowledged;
    this.completedLsn = start.acknowledged;
    this.acknowledgedLsn = start.acknowledged;
    this.storedPosition = start.stored;
  }

  /** Everything up to here was received (sent to PostgreSQL as the write position). */
  get received(): Lsn {
    return this.receivedLsn;
  }

  /** End of the last whole transaction received. */
  get completed(): Lsn {
    return this.completedLsn;
  }

  /** Everything up to here is flushed: durable in the lake, or nothing to capture. */
  get acknowledged(): Lsn {
    return this.acknowledgedLsn;
  }

  /** Every change at or below this position is durably in the raw zone. */
  get stored(): ChangePosition {
    return this.storedPosition;
  }

  get isWriting(): boolean {
    return this.writing !== undefined;
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  /** Nothing is pending anywhere, so a position the stream reached may be acknowledged. */
  get idle(): boolean {
    return !this.changesWaiting && !this.inTransaction && this.writing === undefined && !this.failed;
  }

  /** A frame starting (or a keepalive ending) at `lsn` arrived. */
  receivedUpTo(lsn: Lsn): void {
    this.receivedLsn = maxLsn(this.receivedLsn, lsn);
  }

  transactionBegun(): void {
    this.inTransaction = true;
  }

  /** The current batch holds a change not yet handed to a write. */
  changesAdded(): void {
    this.changesWaiting = true;
  }

  /** A transaction (plain or streamed) committed and ends at `endLsn`. Returns whether the acknowledgement moved. */
  transactionCompleted(endLsn: Lsn): boolean {
    this.inTransaction = false;
    this.completedLsn = maxLsn(this.completedLsn, endLsn);
    this.receivedLsn = maxLsn(this.receivedLsn, endLsn);
    return this.advanceIfIdle(endLsn);
  }

  /**
   * The stream reached `lsn` with nothing to capture before it that is not accounted for (a keepalive's
   * WAL end, a non-transactional logical message). Returns whether the acknowledgement moved.
   */
  reached(lsn: Lsn): boolean {
    this.receivedLsn = maxLsn(this.receivedLsn, lsn);
    return this.advanceIfIdle(lsn);
  }

  /**
   * The current batch is cut and handed to a write: returns the LSN that storing it lets us
   * acknowledge (only transactions complete now: all their changes are in this batch or earlier).
   */
  cut(): Lsn {
    if (this.writing)
      throw new CdcError(
        'protocol',
        'A batch was cut while another was still being written; this is a bug in @autocorp/cdc, report it.',
      );
    if (!this.changesWaiting)
      throw new CdcError('protocol', 'An empty batch was cut for writing; this is a bug in @autocorp/cdc, report it.');
    this.changesWaiting = false;
    this.writing = { ackTarget: this.completedLsn };
    return this.completedLsn;
  }

  /** What the acknowledgement becomes once the batch being written is stored (to store alongside its position). */
  get ackOnceStored(): Lsn {
    return this.writing ? maxLsn(this.acknowledgedLsn, this.writing.ackTarget) : this.acknowledgedLsn;
  }

  /** The written batch's files and `position` are durably stored: acknowledge what its cut allowed. */
  batchStored(position: ChangePosition): Lsn {
    const writing = this.writing;
    if (!writing)
      throw new CdcError(
        'protocol',
        'A batch was stored that was never cut; this is a bug in @autocorp/cdc, report it.',
      );
    this.writing = undefined;
    if (comparePositions(position, this.storedPosition) > 0) this.storedPosition = position;
    this.acknowledgedLsn = maxLsn(this.acknowledgedLsn, writing.ackTarget);
    return this.acknowledgedLsn;
  }

  /** The batch being written failed: its changes are not durable, so nothing more is acknowledged. */
  writeFailed(): void {
    this.writing = undefined;
    this.failed = true;
  }

  /**
   * The run stops with an error (e.g. a failing listener): nothing reached from now on is acknowledged.
   * A batch being written may still be stored, and then acknowledged as its cut allowed.
   */
  halt(): void {
    this.failed = true;
  }

  private advanceIfIdle(lsn: Lsn): boolean {
    if (!this.idle || lsn <= this.acknowledgedLsn) return false;
    this.acknowledgedLsn = lsn;
    return true;
  }
}
