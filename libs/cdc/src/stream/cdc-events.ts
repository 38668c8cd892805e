import type { ChangePosition } from '@autocorp/lake-storage';
import type { Lsn } from '../lsn';
import type { WrittenFile } from './write-batch-files';

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
