import { CdcError } from '../cdc-error';
import type { ChangePosition } from '@autocorp/lake-storage';
import type { Lsn } from '../lsn';

/** The transaction being decoded: its commit LSN and time (also as decimal ASCII for the CSV rows), and its change count. */
export interface OpenTransaction {
  readonly finalLsn: Lsn;
  readonly commitMicros: bigint;
  readonly lsnText: Buffer;
  readonly tsText: Buffer;
  seq: number;
  /** Changes with seq at or below this are already in the lake (replay after a crash). */
  readonly skipThrough: number;
}

/**
 * Which transaction the stream is in: the plain one between Begin and Commit (numbering its changes
 * and skipping those a crashed run already stored), and the streamed one between Stream Start and
 * Stream Stop (a large transaction PostgreSQL sends before it commits).
 */
export class TransactionTracker {
  private tx: OpenTransaction | undefined;
  private streamingXid: number | undefined;
  private readonly streamedXids = new Set<number>();

  /** A Begin: changes at or below `stored` (the stored position) are replays and are skipped. */
  begin(finalLsn: Lsn, commitMicros: bigint, stored: ChangePosition): void {
    const skipThrough = finalLsn < stored.lsn ? Number.MAX_SAFE_INTEGER : finalLsn === stored.lsn ? stored.seq : 0;
    this.tx = {
      finalLsn,
      commitMicros,
      lsnText: Buffer.from(finalLsn.toString()),
      tsText: Buffer.from(commitMicros.toString()),
      seq: 0,
      skipThrough,
    };
  }

  commit(): void {
    this.tx = undefined;
  }

  /** The commit LSN of the open plain transaction, if any. */
  get finalLsn(): Lsn | undefined {
    return this.tx?.finalLsn;
  }

  /** A plain or a streamed transaction is open: the stream is not between transactions. */
  get isOpen(): boolean {
    return this.tx !== undefined || this.streamingXid !== undefined;
  }

  /**
   * Numbers the next change of the open plain transaction: the transaction, or undefined when the
   * change is a replay already in the lake. Fails when no transaction is open.
   */
  nextChange(): OpenTransaction | undefined {
    const tx = this.tx;
    if (!tx)
      throw new CdcError(
        'protocol',
        'A change arrived outside any transaction; the replication stream is out of order. Restart CDC.',
      );
    tx.seq += 1;
    return tx.seq <= tx.skipThrough ? undefined : tx;
  }

  /** The xid of the streamed transaction whose chunk is being received, if any. */
  get streamXid(): number | undefined {
    return this.streamingXid;
  }

  streamStart(xid: number): void {
    this.streamingXid = xid;
    this.streamedXids.add(xid);
  }

  streamStop(): void {
    this.streamingXid = undefined;
  }

  /** Transactions PostgreSQL streamed before they committed, so far. */
  get streamedCount(): number {
    return this.streamedXids.size;
  }
}
