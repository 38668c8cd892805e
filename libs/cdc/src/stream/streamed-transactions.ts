import type { ParquetStage } from '../lake/parquet-stage';
import { type ChangePosition } from '../lake/raw-layout';
import type { ChangeBatch } from './change-batch';
import type { RelationShape } from './relation-registry';
import { type Op, StagingTable } from './staging-table';

interface OpenTransaction {
  arrival: bigint;
  readonly tables: Map<string, { shape: RelationShape; staging: StagingTable }>;
}

/**
 * In-progress transactions that PostgreSQL streams before they commit (protocol 2, streaming on).
 * Their changes go straight to DuckDB staging tables; an abort (of the transaction or one of
 * its subtransactions) deletes them; a commit renumbers the survivors in order and moves them
 * into the batch under the commit's LSN and time.
 */
export class StreamedTransactions {
  private readonly open = new Map<number, OpenTransaction>();
  private tableCounter = 0;

  constructor(private readonly stage: ParquetStage) {}

  get openCount(): number {
    return this.open.size;
  }

  async append(xid: number, subXid: number, shape: RelationShape, op: Op, values: readonly (string | null)[]): Promise<void> {
    let txn = this.open.get(xid);
    if (!txn) {
      txn = { arrival: 0n, tables: new Map() };
      this.open.set(xid, txn);
    }
    let target = txn.tables.get(shape.shapeKey);
    if (!target) {
      this.tableCounter += 1;
      target = { shape, staging: await StagingTable.create(this.stage, `stream_${xid}_${this.tableCounter}`, shape.columns.length) };
      txn.tables.set(shape.shapeKey, target);
    }
    txn.arrival += 1n;
    target.staging.append(txn.arrival, subXid, op, 0n, 0, 0n, values);
  }

  /** Discards a whole transaction (subXid === xid) or one of its subtransactions. */
  async abort(xid: number, subXid: number): Promise<void> {
    const txn = this.open.get(xid);
    if (!txn) return;
    if (subXid === xid) {
      for (const t of txn.tables.values()) await t.staging.drop();
      this.open.delete(xid);
      return;
    }
    for (const t of txn.tables.values()) {
      t.staging.flushAppends();
      const removed = await this.stage.rows(`SELECT count(*) AS n FROM ${t.staging.name} WHERE _subxid = ${subXid}`);
      await this.stage.run(`DELETE FROM ${t.staging.name} WHERE _subxid = ${subXid}`);
      t.staging.rows -= Number(removed[0]?.n ?? 0);
    }
  }

  /**
   * Moves a committed transaction into the batch, skipping changes at or below `skipThrough`
   * (already in the lake). Returns the last position added, if any.
   */
  async commit(xid: number, commitLsn: bigint, commitMicros: bigint, batch: ChangeBatch, skipThrough: ChangePosition): Promise<ChangePosition | undefined> {
    const txn = this.open.get(xid);
    if (!txn) return undefined;
    this.open.delete(xid);
    const tables = [...txn.tables.values()];
    for (const t of tables) t.staging.flushAppends();
    if (tables.length === 0) return undefined;
    const seqMap = `seq_${xid}`;
    // Dense order over the surviving changes: the same numbering a non-streamed decode gives.
    const union = tables.map((t) => `SELECT _arrival FROM ${t.staging.name}`).join(' UNION ALL ');
    await this.stage.run(`CREATE OR REPLACE TABLE ${seqMap} AS SELECT _arrival, row_number() OVER (ORDER BY _arrival) AS seq FROM (${union})`);
    const minSeq = commitLsn < skipThrough.lsn ? Number.MAX_SAFE_INTEGER : commitLsn === skipThrough.lsn ? skipThrough.seq : 0;
    let last: ChangePosition | undefined;
    for (const t of tables) {
      const entry = await batch.entry(t.shape);
      const columns = Array.from({ length: t.shape.columns.length }, (_, i) => `, s.c${i}`).join('');
      const from = `FROM ${t.staging.name} s JOIN ${seqMap} m USING (_arrival) WHERE m.seq > ${minSeq}`;
      const select = `SELECT s._arrival, s._subxid, s._op, ${commitLsn}, m.seq, ${commitMicros}${columns} ${from}`;
      entry.staging.flushAppends();
      const stats = await this.stage.rows(`SELECT count(*) AS n, max(m.seq) AS maxseq, COALESCE(sum(${bytesExpression(t.shape.columns.length)}), 0) AS bytes ${from}`);
      const n = Number(stats[0]?.n ?? 0);
      if (n > 0) {
        await this.stage.run(`INSERT INTO ${entry.staging.name} ${select}`);
        const position = { lsn: commitLsn, seq: Number(stats[0]?.maxseq) };
        batch.noteAdded(position, commitMicros, n, Number(stats[0]?.bytes ?? 0), entry);
        if (!last || position.seq > last.seq) last = position;
      }
      await t.staging.drop();
    }
    await this.stage.run(`DROP TABLE IF EXISTS ${seqMap}`);
    return last;
  }

  async clear(): Promise<void> {
    for (const txn of this.open.values()) for (const t of txn.tables.values()) await t.staging.drop();
    this.open.clear();
  }
}

function bytesExpression(columnCount: number): string {
  if (columnCount === 0) return '0';
  return Array.from({ length: columnCount }, (_, i) => `COALESCE(length(s.c${i}), 0)`).join(' + ');
}
