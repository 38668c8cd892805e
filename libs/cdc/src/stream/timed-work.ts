import type pg from 'pg';
import type { ResolvedOptions } from '../options';
import type { SchemaHistory } from '../state/schema-history';
import type { BatchWriter } from './batch-writer';
import type { StatusSender } from './status-sender';
import type { TransactionTracker } from './transaction-tracker';

/** Prefix of the logical messages CDC emits to keep an idle slot moving. */
export const HEARTBEAT_PREFIX = 'autocorp_cdc_heartbeat';

export interface TimedWorkInput {
  readonly options: ResolvedOptions;
  readonly sql: pg.Client;
  readonly writer: BatchWriter;
  readonly transactions: TransactionTracker;
  readonly history: SchemaHistory;
  readonly status: StatusSender;
  /** Set when the run stops on an LSN (runCdcUntilIdle): the loop then wakes at least every 200 ms. */
  readonly untilIdle: boolean;
}

/**
 * The loop's time-driven work: the time and quiet cuts, status updates, heartbeats (a logical message
 * after heartbeatIntervalMs without changes, so an idle slot keeps advancing), and how long the loop
 * may wait for the next frame.
 */
export class TimedWork {
  private lastActivityMs = Date.now();
  private lastHeartbeatMs = Date.now();
  private heartbeat: Promise<unknown> | undefined;
  /** A stream this long without changes has caught up: the batch need not wait out the whole cut interval. */
  private readonly quietMs: number;

  constructor(private readonly input: TimedWorkInput) {
    this.quietMs = Math.min(100, input.options.cutIntervalMs / 10);
  }

  /** Runs what is due; synchronous unless a cut (or a schema history write) is due. `sawChange`: a change arrived since the last tick. */
  tick(sawChange: boolean): Promise<void> | undefined {
    const { options, writer, transactions, history, status } = this.input;
    const now = Date.now();
    if (sawChange) this.lastActivityMs = now;
    status.sendIfDue(now);
    if (
      !this.heartbeat &&
      now - this.lastActivityMs >= options.heartbeatIntervalMs &&
      now - this.lastHeartbeatMs >= options.heartbeatIntervalMs
    ) {
      this.lastHeartbeatMs = now;
      this.heartbeat = this.input.sql
        .query(`SELECT pg_logical_emit_message(false, $1, $2)`, [HEARTBEAT_PREFIX, new Date().toISOString()])
        .catch(() => undefined)
        .finally(() => (this.heartbeat = undefined));
    }
    const firstArrival = writer.current.firstArrivalMs;
    if (firstArrival !== undefined) {
      const age = now - firstArrival;
      if (age >= options.cutIntervalMs) return writer.cut('time');
      if (age >= options.cutIntervalMs / 2 && now - this.lastActivityMs >= this.quietMs && !transactions.isOpen)
        return writer.cut('quiet');
    }
    if (writer.current.isEmpty && !writer.isWriting && history.hasPendingWrites) return history.persist();
    return undefined;
  }

  /** How long the loop may wait for a frame before time-driven work is due (ms, at least 1). */
  nextWait(): number {
    const { options, writer, transactions, status } = this.input;
    const now = Date.now();
    let wait = Math.min(options.statusIntervalMs - (now - status.lastSent), options.heartbeatIntervalMs);
    const firstArrival = writer.current.firstArrivalMs;
    if (firstArrival !== undefined) {
      wait = Math.min(wait, options.cutIntervalMs - (now - firstArrival));
      const quietCut = Math.max(firstArrival + options.cutIntervalMs / 2, this.lastActivityMs + this.quietMs);
      if (!transactions.isOpen) wait = Math.min(wait, quietCut - now);
    }
    if (this.input.untilIdle) wait = Math.min(wait, 200);
    return Math.max(1, wait);
  }

  /** Waits for a heartbeat still being emitted. */
  async finish(): Promise<void> {
    await this.heartbeat;
  }
}
