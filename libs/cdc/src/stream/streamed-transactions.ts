import { unlink } from 'node:fs/promises';
import type { ParquetStage } from '../lake/parquet-stage';
import type { ChangePosition } from '@autocorp/lake-storage';
import type { ChangeBatch } from './change-batch';
import { CsvRowWriter } from './csv-row-writer';
import type { RelationShape } from './relation-registry';
import { createTableSql, readCsvSql, STREAM_META, stagedColumns } from './staged-csv';

interface OpenTable {
  readonly shape: RelationShape;
  /** DuckDB table of the rows loaded so far (created on first load). */
  readonly table: string;
  created: boolean;
  /** Rows not loaded yet. */
  writer: CsvRowWriter | undefined;
}

interface OpenTransaction {
  arrival: number;
  readonly tables: Map<string, OpenTable>;
}

/** What a streamed commit added to the batch. */
export interface StreamedCommit {
  readonly last: ChangePosition | undefined;
  /** Captured tables the transaction truncated (its T rows survived). */
  readonly truncated: readonly string[];
}

/**
 * In-progress transactions that PostgreSQL streams before they commit (protocol 2, streaming on).
 * Their changes go to CSV files in the stage folder and from there into DuckDB tables (which
 * spill to disk), never piling up in JS memory; an abort (of the transaction or one of its
 * subtransactions) deletes them; a commit renumbers the survivors in order and adds them to the
 * batch under the commit's LSN and time.
 */
export class StreamedTransactions {
  private readonly open = new Map<number, OpenTransaction>();
  private tableCounter = 0;

  constructor(private readonly stage: ParquetStage) {}

  get openCount(): number {
    return this.open.size;
  }

  /** Starts a row of transaction `xid` and writes its meta fields; the caller writes the values, then endRow(). */
  beginRow(xid: number, subXid: number, shape: RelationShape, op: number): CsvRowWriter {
    let txn = this.open.get(xid);
    if (!txn) {
      txn = { arrival: 0, tables: new Map() };
      this.open.set(xid, txn);
    }
    let target = txn.tables.get(shape.shapeKey);
    if (!target) {
      this.tableCounter += 1;
      target = { shape, table: `stream_${xid}_${this.tableCounter}`, created: false, writer: undefined };
      txn.tables.set(shape.shapeKey, target);
    }
    target.writer ??= new CsvRowWriter(this.stage.tempFile('csv'));
    txn.arrival += 1;
    const writer = target.writer;
    writer.intField(txn.arrival);
    writer.intField(subXid);
    writer.charField(op);
    return writer;
  }

  private async load(target: OpenTable): Promise<void> {
    const writer = target.writer;
    target.writer = undefined;
    if (!writer) return;
    const rows = writer.rows;
    const path = writer.finish();
    const columns = stagedColumns(STREAM_META, target.shape.columns.length);
    if (!target.created) {
      await this.stage.run(createTableSql(target.table, columns));
      target.created = true;
    }
    if (!path || rows === 0) return;
    await this.stage.run(`INSERT INTO ${target.table} SELECT * FROM ${readCsvSql(path, columns, writer.maxRowBytes)}`);
    await unlink(path).catch(() => undefined);
  }

  private async dropTable(target: OpenTable): Promise<void> {
    target.writer?.discard();
    target.writer = undefined;
    if (target.created) await this.stage.run(`DROP TABLE IF EXISTS ${target.table}`);
  }

  /** Discards a whole transaction (subXid === xid) or one of its subtransactions. */
  async abort(xid: number, subXid: number): Promise<void> {
    const txn = this.open.get(xid);
    if (!txn) return;
    if (subXid === xid) {
      for (const t of txn.tables.values()) await this.dropTable(t);
      this.open.delete(xid);
      return;
    }
    for (const t of txn.tables.values()) {
      await this.load(t);
      await this.stage.run(`DELETE FROM ${t.table} WHERE _subxid = ${subXid}`);
    }
  }

  /**
   * Adds a committed transaction to the batch, skipping changes at or below `skipThrough`
   * (already in the lake).
   */
  async commit(
    xid: number,
    commitLsn: bigint,
    commitMicros: bigint,
    batch: ChangeBatch,
    skipThrough: ChangePosition,
  ): Promise<StreamedCommit> {
    const txn = this.open.get(xid);
    if (!txn) return { last: undefined, truncated: [] };
    this.open.delete(xid);
    const tables = [...txn.tables.values()];
    for (const t of tables) await this.load(t);
    if (tables.length === 0) return { last: undefined, truncated: [] };
    const seqMap = `seq_${xid}`;
    // Dense order over the surviving changes: the same numbering a non-streamed decode gives.
    const union = tables.map((t) => `SELECT _arrival FROM ${t.table}`).join(' UNION ALL ');
    await this.stage.run(
      `CREATE OR REPLACE TABLE ${seqMap} AS SELECT _arrival, row_number() OVER (ORDER BY _arrival) AS seq FROM (${union})`,
    );
    const minSeq =
      commitLsn < skipThrough.lsn ? Number.MAX_SAFE_INTEGER : commitLsn === skipThrough.lsn ? skipThrough.seq : 0;
    let last: ChangePosition | undefined;
    const truncated: string[] = [];
    for (const t of tables) {
      this.tableCounter += 1;
      const segmentTable = `segment_${xid}_${this.tableCounter}`;
      const values = Array.from({ length: t.shape.columns.length }, (_, i) => `, s.c${i}`).join('');
      await this.stage.run(
        `CREATE TABLE ${segmentTable} AS SELECT s._op, ${commitLsn}::BIGINT AS _lsn, m.seq AS _seq, ${commitMicros}::BIGINT AS _ts${values}, row_number() OVER (ORDER BY m.seq) AS _rn
           FROM ${t.table} s JOIN ${seqMap} m USING (_arrival) WHERE m.seq > ${minSeq} ORDER BY m.seq`,
      );
      const stats = await this.stage.rows(
        `SELECT count(*) AS n, min(_seq) AS lo, max(_seq) AS hi, count(*) FILTER (WHERE _op = 'T') AS truncates, COALESCE(sum(${bytesExpression(t.shape.columns.length)}), 0) AS bytes FROM ${segmentTable}`,
      );
      const n = Number(stats[0]?.n ?? 0);
      if (n > 0) {
        const first = { lsn: commitLsn, seq: Number(stats[0]?.lo) };
        const position = { lsn: commitLsn, seq: Number(stats[0]?.hi) };
        batch.entry(t.shape).addTable(
          {
            source: 'table',
            name: segmentTable,
            rows: n,
            first,
            last: position,
            minCommitMicros: commitMicros,
            maxCommitMicros: commitMicros,
            maxRowBytes: 0,
          },
          Number(stats[0]?.bytes ?? 0),
        );
        batch.noteRows(position, commitMicros, n);
        if (Number(stats[0]?.truncates ?? 0) > 0) truncated.push(t.shape.table);
        if (!last || position.seq > last.seq) last = position;
      } else await this.stage.run(`DROP TABLE ${segmentTable}`);
      await this.dropTable(t);
    }
    await this.stage.run(`DROP TABLE IF EXISTS ${seqMap}`);
    return { last, truncated };
  }

  async clear(): Promise<void> {
    for (const txn of this.open.values()) for (const t of txn.tables.values()) await this.dropTable(t);
    this.open.clear();
  }
}

function bytesExpression(columnCount: number): string {
  if (columnCount === 0) return '0';
  return Array.from({ length: columnCount }, (_, i) => `COALESCE(length(c${i}), 0)`).join(' + ');
}
