import { comparePositions, type ChangePosition } from '../lake/raw-layout';
import type { ParquetStage } from '../lake/parquet-stage';
import type { RelationShape } from './relation-registry';
import { type Op, StagingTable } from './staging-table';

/** Changes of one table shape waiting in the current batch. */
export interface BatchEntry {
  readonly shape: RelationShape;
  readonly staging: StagingTable;
}

/** The changes received since the last cut, staged per table shape, all in commit order. */
export class ChangeBatch {
  private readonly entries = new Map<string, BatchEntry>();
  private tableCounter = 0;
  /** Wall-clock ms when the oldest pending change arrived; undefined when empty. */
  firstArrivalMs: number | undefined;
  last: ChangePosition | undefined;
  lastCommitMicros: bigint | undefined;

  constructor(private readonly stage: ParquetStage) {}

  get isEmpty(): boolean {
    return this.last === undefined;
  }

  get rows(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.staging.rows;
    return n;
  }

  get bytes(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.staging.bytes;
    return n;
  }

  get pending(): readonly BatchEntry[] {
    return [...this.entries.values()].filter((e) => e.staging.rows > 0);
  }

  /** The staging table for a shape, created on first use. */
  async entry(shape: RelationShape): Promise<BatchEntry> {
    let entry = this.entries.get(shape.shapeKey);
    if (!entry) {
      this.tableCounter += 1;
      entry = { shape, staging: await StagingTable.create(this.stage, `batch_${this.tableCounter}`, shape.columns.length) };
      this.entries.set(shape.shapeKey, entry);
    }
    return entry;
  }

  /** Appends a change of a transaction that is not streamed (its commit LSN is known from Begin). */
  append(entry: BatchEntry, op: Op, position: ChangePosition, commitMicros: bigint, values: readonly (string | null)[]): void {
    entry.staging.append(0n, 0, op, position.lsn, position.seq, commitMicros, values);
    this.noteAdded(position, commitMicros);
  }

  /** Records that rows up to `position` were added directly to a staging table (streamed commits). */
  noteAdded(position: ChangePosition, commitMicros: bigint, addedRows = 1, addedBytes = 0, entry?: BatchEntry): void {
    if (addedRows <= 0) return;
    if (entry) {
      entry.staging.rows += addedRows;
      entry.staging.bytes += addedBytes;
    }
    this.firstArrivalMs ??= Date.now();
    if (!this.last || comparePositions(position, this.last) > 0) this.last = position;
    this.lastCommitMicros = commitMicros;
  }

  /** Drops every staged change (after they are durably written). */
  async clear(): Promise<void> {
    for (const entry of this.entries.values()) await entry.staging.drop();
    this.entries.clear();
    this.firstArrivalMs = undefined;
    this.last = undefined;
    this.lastCommitMicros = undefined;
  }
}
