import { unlink } from 'node:fs/promises';
import { type ChangePosition, comparePositions } from '@autocorp/lake-storage';
import type { ParquetStage } from '../lake/parquet-stage';
import { CsvRowWriter } from './csv-row-writer';
import type { RelationShape } from './relation-registry';

/**
 * A run of changes of one table shape, in commit order, that becomes one Parquet file (a CSV
 * segment) or one file per maxRowsPerFile rows (a table segment). Both hold the BATCH_META
 * columns then c0, c1, ...; a table segment also `_rn`, the row's order inside it from 1.
 */
export interface Segment {
  readonly source: 'csv' | 'table';
  /** The CSV file path, or the DuckDB table name. */
  readonly name: string;
  readonly rows: number;
  readonly first: ChangePosition;
  readonly last: ChangePosition;
  readonly minCommitMicros: bigint;
  readonly maxCommitMicros: bigint;
  /** The longest CSV row in bytes (0 for tables). */
  readonly maxRowBytes: number;
}

/** Changes of one table shape waiting in the current batch: CSV rows as they arrive, and tables from streamed commits. */
export class BatchEntry {
  private readonly sealed: Segment[] = [];
  private writer: CsvRowWriter | undefined;
  private firstLsn = 0n;
  private firstSeq = 0;
  private lastLsn = 0n;
  private lastSeq = 0;
  private minTs = 0n;
  private maxTs = 0n;
  private sealedRows = 0;
  private sealedBytes = 0;

  constructor(
    readonly shape: RelationShape,
    private readonly stage: ParquetStage,
    private readonly maxRowsPerFile: number,
  ) {}

  get rows(): number {
    return this.sealedRows + (this.writer?.rows ?? 0);
  }

  get bytes(): number {
    return this.sealedBytes + (this.writer?.valueBytes ?? 0);
  }

  /**
   * Starts a row and writes its meta fields; the caller writes the shape's values, then endRow().
   * `lsnText` and `tsText` are the commit LSN and time in decimal ASCII (the same for a whole transaction).
   */
  beginRow(op: number, lsn: bigint, lsnText: Buffer, seq: number, commitMicros: bigint, tsText: Buffer): CsvRowWriter {
    let writer = this.writer;
    if (!writer || writer.rows >= this.maxRowsPerFile) {
      this.sealCsv();
      writer = new CsvRowWriter(this.stage.tempFile('csv'));
      this.writer = writer;
      this.firstLsn = lsn;
      this.firstSeq = seq;
      this.minTs = commitMicros;
      this.maxTs = commitMicros;
    } else if (commitMicros < this.minTs) this.minTs = commitMicros;
    else if (commitMicros > this.maxTs) this.maxTs = commitMicros;
    this.lastLsn = lsn;
    this.lastSeq = seq;
    writer.charField(op);
    writer.rawField(lsnText);
    writer.intField(seq);
    writer.rawField(tsText);
    return writer;
  }

  /** Adds the rows of a streamed transaction's commit (a table in the stage), after everything before it. */
  addTable(segment: Segment, bytes: number): void {
    this.sealCsv();
    this.sealed.push(segment);
    this.sealedRows += segment.rows;
    this.sealedBytes += bytes;
  }

  /** Every segment, in commit order, with the open CSV file closed. */
  segments(): readonly Segment[] {
    this.sealCsv();
    return this.sealed;
  }

  private sealCsv(): void {
    const writer = this.writer;
    if (!writer) return;
    this.writer = undefined;
    const rows = writer.rows;
    const path = writer.finish();
    if (!path) return;
    this.sealed.push({
      source: 'csv',
      name: path,
      rows,
      first: { lsn: this.firstLsn, seq: this.firstSeq },
      last: { lsn: this.lastLsn, seq: this.lastSeq },
      minCommitMicros: this.minTs,
      maxCommitMicros: this.maxTs,
      maxRowBytes: writer.maxRowBytes,
    });
    this.sealedRows += rows;
    this.sealedBytes += writer.valueBytes;
  }

  async clear(): Promise<void> {
    this.writer?.discard();
    this.writer = undefined;
    for (const segment of this.sealed) {
      if (segment.source === 'csv') await unlink(segment.name).catch(() => undefined);
      else await this.stage.run(`DROP TABLE IF EXISTS ${segment.name}`);
    }
    this.sealed.length = 0;
  }
}

/** The changes received since the last cut, per table shape, all in commit order. */
export class ChangeBatch {
  private readonly entries = new Map<string, BatchEntry>();
  /** Wall-clock ms when the oldest pending change arrived; undefined when empty. */
  firstArrivalMs: number | undefined;
  lastCommitMicros: bigint | undefined;
  rows = 0;
  private lastLsn = 0n;
  private lastSeq = 0;
  private hasLast = false;

  constructor(
    private readonly stage: ParquetStage,
    private readonly maxRowsPerFile: number,
  ) {}

  get isEmpty(): boolean {
    return !this.hasLast;
  }

  /** The position of the newest change in the batch. */
  get last(): ChangePosition | undefined {
    return this.hasLast ? { lsn: this.lastLsn, seq: this.lastSeq } : undefined;
  }

  get bytes(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.bytes;
    return n;
  }

  get pending(): readonly BatchEntry[] {
    return [...this.entries.values()].filter((e) => e.rows > 0);
  }

  /** The entry of a shape, created on first use. */
  entry(shape: RelationShape): BatchEntry {
    let entry = this.entries.get(shape.shapeKey);
    if (!entry) {
      entry = new BatchEntry(shape, this.stage, this.maxRowsPerFile);
      this.entries.set(shape.shapeKey, entry);
    }
    return entry;
  }

  /** Records a row just written at `lsn`/`seq` (rows arrive in commit order). */
  noteRow(lsn: bigint, seq: number, commitMicros: bigint): void {
    this.rows += 1;
    this.firstArrivalMs ??= Date.now();
    this.lastLsn = lsn;
    this.lastSeq = seq;
    this.hasLast = true;
    this.lastCommitMicros = commitMicros;
  }

  /** Records rows added as a whole (a streamed commit), up to `position`. */
  noteRows(position: ChangePosition, commitMicros: bigint, rows: number): void {
    if (rows <= 0) return;
    this.rows += rows;
    this.firstArrivalMs ??= Date.now();
    if (!this.hasLast || comparePositions(position, { lsn: this.lastLsn, seq: this.lastSeq }) > 0) {
      this.lastLsn = position.lsn;
      this.lastSeq = position.seq;
      this.hasLast = true;
    }
    this.lastCommitMicros = commitMicros;
  }

  /** Drops every staged change (after they are durably written, or when giving up). */
  async clear(): Promise<void> {
    for (const entry of this.entries.values()) await entry.clear();
    this.entries.clear();
  }
}
