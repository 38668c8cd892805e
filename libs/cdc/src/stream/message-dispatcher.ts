import { CdcError } from '../cdc-error';
import type { Lsn } from '../lsn';
import { pgMicrosToUnixMicros } from '../pg-time';
import { type ChangeTuples, isChangeMessage, readChangeTuples, writeTupleFields } from '../pgoutput/change-tuples';
import { decodePgOutput } from '../pgoutput/decode-pgoutput';
import type { PgOutputMessage } from '../pgoutput/messages';
import { PAYLOAD_OFFSET, parseServerFrame, XLOG_DATA } from '../replication/copy-both-frames';
import type { SchemaHistory } from '../state/schema-history';
import type { AckTracker } from './ack-tracker';
import type { BatchWriter } from './batch-writer';
import type { RelationRegistry, RelationShape } from './relation-registry';
import { OP_TRUNCATE } from './staged-csv';
import type { StreamedTransactions } from './streamed-transactions';
import type { TransactionTracker } from './transaction-tracker';

export interface MessageDispatcherInput {
  readonly registry: RelationRegistry;
  readonly streamed: StreamedTransactions;
  readonly writer: BatchWriter;
  readonly tracker: AckTracker;
  readonly transactions: TransactionTracker;
  readonly history: SchemaHistory;
  /** Sends a standby status update (a keepalive asked for one, or the acknowledgement moved). */
  readonly sendStatus: () => void;
}

/**
 * Routes each replication frame: keepalives to the acknowledgement, changes into the current batch
 * (or a streamed transaction's staging), Begin/Commit/Stream* to the transaction tracker, Relation
 * messages to the registry. Synchronous on the hot path; returns a promise only when a batch must be
 * cut or a streamed transaction is committed or aborted.
 */
export class MessageDispatcher {
  private sawChange = false;
  private readonly change: ChangeTuples = { op: 0, xid: undefined, relationId: 0, tuple: 0, oldRow: -1 };

  constructor(private readonly input: MessageDispatcherInput) {}

  /** Whether a change arrived since the last call (the loop's activity, for quiet cuts and heartbeats). */
  takeActivity(): boolean {
    const saw = this.sawChange;
    this.sawChange = false;
    return saw;
  }

  handleFrame(frame: Buffer): Promise<void> | undefined {
    if (frame[0] === XLOG_DATA && frame.length > PAYLOAD_OFFSET && isChangeMessage(frame, PAYLOAD_OFFSET))
      return this.handleChange(frame);
    const parsed = parseServerFrame(frame);
    if (parsed.kind === 'keepalive') {
      const moved = this.input.tracker.reached(parsed.walEnd);
      if (parsed.replyRequested || moved) this.input.sendStatus();
      return undefined;
    }
    this.input.tracker.receivedUpTo(parsed.walStart);
    return this.handleMessage(
      decodePgOutput(parsed.payload, this.input.transactions.streamXid !== undefined),
      parsed.walStart,
    );
  }

  /** Insert, update, delete: the hot path, synchronous unless the batch must be cut. */
  private handleChange(frame: Buffer): Promise<void> | undefined {
    const { registry, streamed, writer, transactions } = this.input;
    const change = this.change;
    const streamXid = transactions.streamXid;
    readChangeTuples(frame, PAYLOAD_OFFSET, streamXid !== undefined, change);
    this.sawChange = true;
    const shape = registry.get(change.relationId);
    if (!shape.captured) return undefined;
    const columnCount = shape.columns.length;
    if (streamXid !== undefined) {
      const writer = streamed.beginRow(streamXid, change.xid ?? streamXid, shape, change.op);
      writeTupleFields(writer, frame, change, columnCount, describeColumn(shape));
      writer.endRow();
      return undefined;
    }
    const tx = transactions.nextChange();
    if (!tx) return undefined;
    const row = writer.current
      .entry(shape)
      .beginRow(change.op, tx.finalLsn, tx.lsnText, tx.seq, tx.commitMicros, tx.tsText);
    writeTupleFields(row, frame, change, columnCount, describeColumn(shape));
    row.endRow();
    writer.noteRow(tx.finalLsn, tx.seq, tx.commitMicros);
    return writer.cutIfFull();
  }

  /** A `T` row (all values NULL) per captured table, at the truncate's place in its transaction. */
  private handleTruncate(relationIds: readonly number[], subXid: number | undefined): Promise<void> | undefined {
    const { registry, streamed, writer, transactions, history } = this.input;
    const streamXid = transactions.streamXid;
    for (const id of relationIds) {
      const shape = registry.get(id);
      if (!shape.captured) continue;
      this.sawChange = true;
      if (streamXid !== undefined) {
        const row = streamed.beginRow(streamXid, subXid ?? streamXid, shape, OP_TRUNCATE);
        for (let i = 0; i < shape.columns.length; i++) row.nullField();
        row.endRow();
        continue;
      }
      const tx = transactions.nextChange();
      if (!tx) continue;
      const row = writer.current
        .entry(shape)
        .beginRow(OP_TRUNCATE, tx.finalLsn, tx.lsnText, tx.seq, tx.commitMicros, tx.tsText);
      for (let i = 0; i < shape.columns.length; i++) row.nullField();
      row.endRow();
      writer.noteRow(tx.finalLsn, tx.seq, tx.commitMicros);
      history.record('truncate', shape.table, tx.finalLsn);
    }
    return writer.cutIfFull();
  }

  private async handleMessage(message: PgOutputMessage, walStart: Lsn): Promise<void> {
    const { registry, streamed, writer, tracker, transactions, history } = this.input;
    switch (message.tag) {
      case 'begin':
        transactions.begin(message.finalLsn, pgMicrosToUnixMicros(message.commitTime), tracker.stored);
        tracker.transactionBegun();
        return;
      case 'commit':
        transactions.commit();
        tracker.transactionCompleted(message.endLsn);
        return;
      case 'relation':
        registry.onRelation(
          message.relationId,
          message.namespace,
          message.name,
          message.columns,
          transactions.finalLsn ?? walStart,
        );
        return;
      case 'insert':
      case 'update':
      case 'delete':
        throw new CdcError(
          'protocol',
          'A change message reached the general decoder; this is a bug in @autocorp/cdc, report it.',
        );
      case 'truncate':
        return this.handleTruncate(message.relationIds, message.xid);
      case 'message':
        if (!message.transactional) tracker.reached(message.lsn);
        return;
      case 'stream-start':
        transactions.streamStart(message.xid);
        this.sawChange = true;
        return;
      case 'stream-stop':
        transactions.streamStop();
        return;
      case 'stream-abort':
        await streamed.abort(message.xid, message.subXid);
        return;
      case 'stream-commit': {
        const committed = await writer.commitStreamed(
          streamed,
          message.xid,
          message.commitLsn,
          pgMicrosToUnixMicros(message.commitTime),
        );
        for (const table of committed.truncated) history.record('truncate', table, message.commitLsn);
        tracker.transactionCompleted(message.endLsn);
        await writer.cutIfFull();
        return;
      }
      case 'type':
      case 'origin':
        return;
    }
  }
}

function describeColumn(shape: RelationShape): (i: number) => { table: string; column: string } {
  return (i) => ({ table: shape.table, column: shape.columns[i]?.name ?? `#${i + 1}` });
}
