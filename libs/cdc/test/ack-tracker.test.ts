import { describe, expect, it } from 'vitest';
import { CdcError } from '../src/cdc-error';
import { type ChangePosition, comparePositions } from '@autocorp/lake-storage';
import { AckTracker } from '../src/stream/ack-tracker';
import { seededRandom, testSeed } from './support/seeded-random';

const at = (lsn: bigint, seq = 1): ChangePosition => ({ lsn, seq });

describe('AckTracker (never acknowledge an unstored batch)', () => {
  it('a batch cut inside a transaction acknowledges only the transactions complete at the cut', () => {
    const tracker = new AckTracker({ acknowledged: 100n, stored: at(90n, 0) });
    tracker.transactionBegun();
    tracker.changesAdded();
    tracker.transactionCompleted(200n);
    tracker.transactionBegun();
    tracker.changesAdded();
    // A size cut while the second transaction is open: its later changes go into the next batch.
    expect(tracker.cut()).toBe(200n);
    tracker.changesAdded();
    tracker.transactionCompleted(300n);
    expect(tracker.acknowledged).toBe(100n);
    expect(tracker.batchStored(at(250n, 1))).toBe(200n);
    expect(tracker.stored).toEqual(at(250n, 1));
    // The second transaction's last change waits in the next batch: a keepalive past it acknowledges nothing.
    expect(tracker.reached(400n)).toBe(false);
    expect(tracker.acknowledged).toBe(200n);
    expect(tracker.received).toBe(400n);
    tracker.cut();
    tracker.batchStored(at(250n, 2));
    expect(tracker.acknowledged).toBe(300n);
    // Nothing pending any more: the stream's position is acknowledged as it arrives.
    expect(tracker.reached(500n)).toBe(true);
    expect(tracker.acknowledged).toBe(500n);
  });

  it('acknowledges nothing while a batch is being written, and nothing ever after it failed', () => {
    const tracker = new AckTracker({ acknowledged: 100n, stored: at(90n, 0) });
    tracker.transactionBegun();
    tracker.changesAdded();
    tracker.transactionCompleted(200n);
    tracker.cut();
    expect(tracker.reached(300n)).toBe(false);
    tracker.writeFailed();
    // The unstored-batch case: the keepalive that follows a failed write must not move the slot.
    expect(tracker.reached(400n)).toBe(false);
    expect(tracker.transactionCompleted(500n)).toBe(false);
    expect(tracker.acknowledged).toBe(100n);
    expect(tracker.idle).toBe(false);
  });

  it('after a halt, the batch already being written is still acknowledged once stored, nothing else', () => {
    const tracker = new AckTracker({ acknowledged: 100n, stored: at(90n, 0) });
    tracker.transactionBegun();
    tracker.changesAdded();
    tracker.transactionCompleted(200n);
    tracker.cut();
    tracker.halt();
    expect(tracker.ackOnceStored).toBe(200n);
    expect(tracker.batchStored(at(150n))).toBe(200n);
    expect(tracker.reached(300n)).toBe(false);
    expect(tracker.acknowledged).toBe(200n);
  });

  it('positions only move forward', () => {
    const tracker = new AckTracker({ acknowledged: 100n, stored: at(90n, 3) });
    tracker.reached(300n);
    tracker.reached(200n);
    tracker.receivedUpTo(150n);
    expect(tracker.received).toBe(300n);
    expect(tracker.acknowledged).toBe(300n);
    tracker.transactionBegun();
    tracker.changesAdded();
    tracker.transactionCompleted(250n);
    expect(tracker.completed).toBe(250n);
    tracker.cut();
    tracker.batchStored(at(80n, 9));
    expect(tracker.stored).toEqual(at(90n, 3));
    expect(tracker.acknowledged).toBe(300n);
  });

  it('refuses a second cut while one is written, an empty cut, and storing what was never cut', () => {
    const tracker = new AckTracker({ acknowledged: 0n, stored: at(0n, 0) });
    expect(() => tracker.cut()).toThrow(CdcError);
    expect(() => tracker.batchStored(at(1n))).toThrow(CdcError);
    tracker.changesAdded();
    tracker.cut();
    tracker.changesAdded();
    expect(() => tracker.cut()).toThrow(/another was still being written/);
  });

  it('holds over random orders of stream, cut, store and failure events (property)', () => {
    const seed = testSeed('ack tracker property');
    const random = seededRandom(seed);
    for (let run = 0; run < 300; run++) {
      const trace: string[] = [];
      try {
        checkRandomRun(random, 200, trace);
      } catch (error) {
        throw new Error(`seed ${seed}, run ${run}: ${(error as Error).message}\nevents: ${trace.join(', ')}`, {
          cause: error,
        });
      }
    }
  });
});

/** One change in the model: its transaction's end LSN once committed, and the batch it went into. */
interface ModelRow {
  txEnd: bigint | undefined;
  readonly batch: number;
  readonly position: ChangePosition;
}

/**
 * Drives the tracker with a random, protocol-valid event order while a model records where every change
 * is (current batch, being written, stored, or failed), and checks after each event that no change
 * outside a stored batch has its transaction acknowledged, that positions only move forward, and that
 * the tracker does acknowledge what it may (so never acknowledging would fail too).
 */
function checkRandomRun(random: () => number, steps: number, trace: string[]): void {
  const pick = (n: number): number => Math.floor(random() * n);
  let cursor = 1000n + BigInt(pick(1000));
  const advance = (): bigint => (cursor += 1n + BigInt(pick(50)));
  const tracker = new AckTracker({ acknowledged: cursor, stored: { lsn: 0n, seq: 0 } });
  const rows: ModelRow[] = [];
  const storedBatches = new Set<number>();
  let currentBatch = 0;
  let writing: { batch: number; ackTarget: bigint } | undefined;
  let failed = false;
  let halted = false;
  let openTx: ModelRow[] | undefined;
  let txCounter = 0;
  let completed = cursor;
  let previous = {
    received: tracker.received,
    acknowledged: tracker.acknowledged,
    stored: tracker.stored,
    completed: tracker.completed,
  };

  const addRow = (tx: ModelRow[], seq: number): void => {
    const row: ModelRow = { txEnd: undefined, batch: currentBatch, position: { lsn: BigInt(txCounter), seq } };
    rows.push(row);
    tx.push(row);
    tracker.changesAdded();
  };
  const pendingInModel = (): boolean =>
    openTx !== undefined || writing !== undefined || failed || rows.some((r) => r.batch === currentBatch);

  for (let step = 0; step < steps; step++) {
    const choice = pick(10);
    if (choice === 0 && !openTx) {
      trace.push('begin');
      txCounter += 1;
      openTx = [];
      tracker.receivedUpTo(advance());
      tracker.transactionBegun();
    } else if (choice <= 2 && openTx) {
      trace.push('change');
      addRow(openTx, openTx.length + 1);
    } else if (choice === 3 && openTx) {
      const end = advance();
      trace.push(`commit ${end}`);
      for (const row of openTx) row.txEnd = end;
      openTx = undefined;
      completed = end;
      tracker.receivedUpTo(end - 1n);
      tracker.transactionCompleted(end);
    } else if (choice === 4 && !openTx) {
      // A streamed transaction's commit: all its surviving changes (maybe none) arrive at once.
      txCounter += 1;
      const tx: ModelRow[] = [];
      const count = pick(3);
      for (let i = 1; i <= count; i++) addRow(tx, i);
      const end = advance();
      trace.push(`stream-commit ${count} ${end}`);
      for (const row of tx) row.txEnd = end;
      completed = end;
      tracker.transactionCompleted(end);
    } else if (choice === 5 || choice === 6) {
      const lsn = advance();
      const idleBefore = !pendingInModel() && !halted;
      trace.push(`keepalive-or-message ${lsn}`);
      tracker.reached(lsn);
      if (idleBefore && tracker.acknowledged !== lsn)
        throw new Error(`nothing was pending, yet ${lsn} was not acknowledged (${tracker.acknowledged})`);
    } else if (choice === 7 && !writing && !failed) {
      trace.push('cut');
      if (rows.some((r) => r.batch === currentBatch)) {
        const ackTarget = tracker.cut();
        if (ackTarget !== completed)
          throw new Error(`the cut targets ${ackTarget}, not the last complete transaction's end ${completed}`);
        writing = { batch: currentBatch, ackTarget };
      }
      currentBatch += 1;
    } else if (choice === 8 && writing) {
      const batchRows = rows.filter((r) => r.batch === writing?.batch);
      const position = batchRows[batchRows.length - 1]?.position as ChangePosition;
      trace.push('stored');
      const expected = tracker.acknowledged > writing.ackTarget ? tracker.acknowledged : writing.ackTarget;
      if (tracker.ackOnceStored !== expected)
        throw new Error(`ackOnceStored is ${tracker.ackOnceStored}, expected ${expected}`);
      tracker.batchStored(position);
      storedBatches.add(writing.batch);
      writing = undefined;
      if (tracker.acknowledged !== expected)
        throw new Error(`a stored batch acknowledged ${tracker.acknowledged}, expected ${expected}`);
      if (comparePositions(tracker.stored, position) !== 0)
        throw new Error("the stored position is not the stored batch's last change");
    } else if (choice === 9 && writing && pick(4) === 0) {
      trace.push('write-failed');
      tracker.writeFailed();
      writing = undefined;
      failed = true;
    } else if (choice === 9 && pick(20) === 0) {
      trace.push('halt');
      tracker.halt();
      halted = true;
    }

    for (const row of rows) {
      if (storedBatches.has(row.batch) || row.txEnd === undefined) continue;
      if (tracker.acknowledged >= row.txEnd) {
        throw new Error(
          `acknowledged ${tracker.acknowledged} covers a transaction (end ${row.txEnd}) with a change in unstored batch ${row.batch}`,
        );
      }
    }
    if (tracker.acknowledged > tracker.received)
      throw new Error(`acknowledged ${tracker.acknowledged} is past received ${tracker.received}`);
    const now = {
      received: tracker.received,
      acknowledged: tracker.acknowledged,
      stored: tracker.stored,
      completed: tracker.completed,
    };
    if (
      now.received < previous.received ||
      now.acknowledged < previous.acknowledged ||
      now.completed < previous.completed
    )
      throw new Error('a position moved back');
    if (comparePositions(now.stored, previous.stored) < 0) throw new Error('the stored position moved back');
    if (tracker.idle !== (!pendingInModel() && !halted))
      throw new Error(`the tracker says idle=${tracker.idle}, the model disagrees`);
    previous = now;
  }
}
