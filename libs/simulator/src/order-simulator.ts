import { Random } from '@autocorp/generator';
import type pg from 'pg';
import { isConnectionError } from './connection-errors';
import { connect, describeConnection, runTransaction } from './database-session';
import type { PlannedTransaction } from './operations/planned-transaction';
import { SimulatorError } from './simulator-error';
import {
  type SimulationSummary,
  type SimulatorCounts,
  type StopReason,
  copyCounts,
  emptyCounts,
} from './simulator-events';
import {
  type ResolvedOptions,
  type SimulatorOptions,
  resolveOptions,
  transactionsPerSecond,
} from './simulator-options';
import { sqlTimestamp } from './sql-values';
import { loadSourceState } from './state/load-source-state';
import { TransactionPlanner } from './transaction-planner';

/** After falling this far behind (a slow database), the schedule restarts instead of bursting to catch up. */
const MAX_LAG_MS = 1_000;

/**
 * Writes live business traffic to the source PostgreSQL at a target rate of new orders: new
 * orders, status moves, cancellations, refunds, edited and purged orders, price changes and
 * customer updates, each in its own transaction. `start()` reads the database; `stop()` lets the
 * transaction in flight commit and resolves with the summary. A lost connection is retried (with
 * a `retrying` event) and the state read again; a failing statement stops the simulation.
 */
export class OrderSimulator {
  private readonly options: ResolvedOptions;
  private readonly random: Random;
  private readonly counts: SimulatorCounts = emptyCounts();
  private readonly abort = new AbortController();
  private client: pg.Client | undefined;
  private planner: TransactionPlanner | undefined;
  private stopRequested = false;
  private startedAt = 0;
  private lastStamp = 0;
  private running: Promise<SimulationSummary> | undefined;

  constructor(options: SimulatorOptions) {
    this.options = resolveOptions(options);
    this.random = Random.stream(this.options.seed, 'simulator');
  }

  get seed(): number {
    return this.options.seed;
  }

  /** A copy of what was committed so far. */
  snapshot(): SimulatorCounts {
    return copyCounts(this.counts);
  }

  /** Connects and reads the source state, then runs in the background until stop() or a limit. */
  async start(): Promise<void> {
    if (this.running)
      throw new SimulatorError('invalid-options', 'this simulator was already started: create a new one');
    const { clock, onEvent, seed, ordersPerSecond } = this.options;
    const openOrders = await this.open();
    this.startedAt = clock.now();
    onEvent({
      type: 'started',
      seed,
      ordersPerSecond,
      transactionsPerSecond: transactionsPerSecond(this.options),
      source: openOrders,
      at: this.startedAt,
    });
    this.running = this.loop();
  }

  /** Resolves when the simulation ends (stop(), a limit or a failure) with its summary. */
  finished(): Promise<SimulationSummary> {
    if (!this.running) throw new SimulatorError('invalid-options', 'the simulator was not started: call start() first');
    return this.running;
  }

  /** Asks the simulation to stop after the transaction in flight commits; resolves with the summary. */
  stop(): Promise<SimulationSummary> {
    this.stopRequested = true;
    this.abort.abort();
    return this.finished();
  }

  private async open(): Promise<{ orders: number; openOrders: number; customers: number }> {
    const client = await connect(this.options.connection);
    try {
      const state = await loadSourceState(client);
      this.client = client;
      this.planner = new TransactionPlanner(state, this.options.seed, this.options.weights, this.random);
      return { orders: state.orderCount, openOrders: state.open.size, customers: state.customerIds.length };
    } catch (error) {
      await client.end().catch(() => undefined);
      if (error instanceof SimulatorError) throw error;
      if (isConnectionError(error)) {
        throw new SimulatorError(
          'database-unreachable',
          `the simulator lost PostgreSQL at ${describeConnection(this.options.connection)} while reading the source state: ${(error as Error).message}`,
          { cause: error },
        );
      }
      throw new SimulatorError(
        'source-not-ready',
        `the simulator cannot read the source tables at ${describeConnection(this.options.connection)}: ${(error as Error).message}. Migrate and load the database first (autocorp db migrate, autocorp generate)`,
        { cause: error },
      );
    }
  }

  private async loop(): Promise<SimulationSummary> {
    const { clock, maxTransactions, durationMs } = this.options;
    const interval = 1000 / transactionsPerSecond(this.options);
    // The k-th transaction since the schedule (re)started is due at scheduleStart + k * interval.
    let scheduleStart = clock.now();
    let scheduled = 0;
    let reason: StopReason = 'requested';
    let failure: SimulatorError | undefined;
    try {
      for (;;) {
        if (this.stopRequested) break;
        if (this.counts.transactions >= maxTransactions || clock.now() - this.startedAt >= durationMs) {
          reason = 'limit';
          break;
        }
        const due = scheduleStart + scheduled * interval;
        const wait = Math.min(due, this.startedAt + durationMs) - clock.now();
        if (wait > 0) await clock.wait(wait, this.abort.signal);
        if (this.stopRequested) break;
        if (clock.now() - this.startedAt >= durationMs) continue;
        if (clock.now() - due > MAX_LAG_MS) {
          scheduleStart = clock.now();
          scheduled = 0;
        }
        const stamp = Math.max(clock.now(), this.lastStamp + 1);
        const planned = (this.planner as TransactionPlanner).next(sqlTimestamp(stamp));
        if (await this.commit(planned)) {
          this.lastStamp = stamp;
          scheduled++;
        } else {
          if (this.stopRequested) break;
          scheduleStart = clock.now();
          scheduled = 0;
        }
      }
    } catch (error) {
      reason = 'failed';
      failure =
        error instanceof SimulatorError
          ? error
          : new SimulatorError('unexpected', `the simulator stopped on an unexpected error: ${String(error)}`, {
              cause: error,
            });
    }
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
    const summary: SimulationSummary = {
      seed: this.options.seed,
      reason,
      counts: copyCounts(this.counts),
      elapsedMs: clock.now() - this.startedAt,
      ...(failure ? { error: failure } : {}),
    };
    this.options.onEvent({ type: 'stopped', summary, at: clock.now() });
    return summary;
  }

  /** Runs one transaction; true when committed, false when the connection was lost and restored. */
  private async commit(planned: PlannedTransaction): Promise<boolean> {
    const { clock, onEvent } = this.options;
    const statements = planned.statements.length;
    let rowCounts: number[];
    try {
      rowCounts = await runTransaction(this.client as pg.Client, planned, () =>
        onEvent({ type: 'transaction-begun', kind: planned.kind, statements, at: clock.now() }),
      );
    } catch (error) {
      if (!isConnectionError(error)) {
        throw new SimulatorError(
          'statement-failed',
          `a simulated ${planned.kind} transaction failed and was rolled back: ${(error as Error).message}. Another writer may have changed the source schema or rows the simulator relies on; restart the simulator to read the database again`,
          { cause: error },
        );
      }
      await this.reconnect(error);
      return false;
    }
    planned.apply();
    this.counts.transactions++;
    this.counts.statements += statements;
    this.counts.operations[planned.kind]++;
    planned.statements.forEach((s, i) => (this.counts.rows[s.table][s.action] += rowCounts[i] ?? 0));
    onEvent({
      type: 'transaction-committed',
      kind: planned.kind,
      statements,
      counts: copyCounts(this.counts),
      at: clock.now(),
    });
    return true;
  }

  /** Reconnects and reads the state again, with doubling delays; throws after the last attempt. */
  private async reconnect(lost: unknown): Promise<void> {
    const { clock, onEvent, retryAttempts, retryFirstDelayMs } = this.options;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
    let error = new SimulatorError(
      'database-unreachable',
      `the simulator lost its connection to PostgreSQL at ${describeConnection(this.options.connection)}: ${(lost as Error).message}`,
      { cause: lost },
    );
    for (let attempt = 1; attempt <= retryAttempts; attempt++) {
      const delayMs = retryFirstDelayMs * 2 ** (attempt - 1);
      onEvent({ type: 'retrying', attempt, attempts: retryAttempts, delayMs, error, at: clock.now() });
      await clock.wait(delayMs, this.abort.signal);
      if (this.stopRequested) return;
      try {
        await this.open();
        onEvent({ type: 'reconnected', attempt, at: clock.now() });
        return;
      } catch (retryError) {
        error = retryError as SimulatorError;
      }
    }
    throw new SimulatorError(
      'database-unreachable',
      `the simulator gave up after ${retryAttempts} reconnection attempts: ${error.message}`,
      { cause: error },
    );
  }
}

/** Starts a simulation and waits for it to end (a limit must be set, or another caller stops it). */
export async function runSimulation(options: SimulatorOptions): Promise<SimulationSummary> {
  const simulator = new OrderSimulator(options);
  await simulator.start();
  return simulator.finished();
}
