import type { PlatformEventHub } from '../api/platform-event-hub';
import { OrderSimulator, type SimulatorCounts, type SimulatorEvent } from '@autocorp/simulator';
import type pg from 'pg';
import type { HealthBoard } from './health-board';

/** The `simulator` event is emitted at most this often (a committed transaction is far more frequent). */
const EMIT_EVERY_MS = 1000;

/** The simulator's counts as the event's flat record: transactions, statements, each operation, `<table>.<action>` rows. */
export function flattenCounts(counts: SimulatorCounts): Record<string, number> {
  const flat: Record<string, number> = { transactions: counts.transactions, statements: counts.statements };
  for (const [kind, n] of Object.entries(counts.operations)) flat[kind] = n;
  for (const [table, actions] of Object.entries(counts.rows))
    for (const [action, n] of Object.entries(actions)) flat[`${table}.${action}`] = n;
  return flat;
}

/**
 * `up --simulate`: the order simulator (@autocorp/simulator) writing to the source database while the
 * platform runs; its progress becomes `simulator` events and the `simulator` component's health.
 */
export class SimulatorRunner {
  private readonly simulator: OrderSimulator;
  private lastEmit = 0;

  constructor(
    connection: pg.ClientConfig,
    private readonly rate: { readonly ordersPerSecond: number; readonly seed: number },
    private readonly hub: PlatformEventHub,
    private readonly health: HealthBoard,
  ) {
    this.simulator = new OrderSimulator({
      connection,
      ordersPerSecond: rate.ordersPerSecond,
      seed: rate.seed,
      onEvent: (event) => this.onEvent(event),
    });
  }

  async start(): Promise<void> {
    await this.simulator.start();
    this.health.set('simulator', 'ok', null);
  }

  /** Lets the transaction in flight commit, then stops. */
  async stop(): Promise<void> {
    const summary = await this.simulator.stop();
    this.emit(summary.counts, Date.now());
    this.health.set('simulator', 'stopped', null);
  }

  private emit(counts: SimulatorCounts, at: number): void {
    this.lastEmit = at;
    this.hub.publish({
      type: 'simulator',
      at,
      ordersPerSecond: this.rate.ordersPerSecond,
      counts: flattenCounts(counts),
    });
  }

  private onEvent(event: SimulatorEvent): void {
    const now = Date.now();
    switch (event.type) {
      case 'transaction-committed':
        if (now - this.lastEmit >= EMIT_EVERY_MS) this.emit(event.counts, now);
        break;
      case 'retrying':
        this.health.set('simulator', 'degraded', `lost the database (${event.error.message}); reconnecting`);
        break;
      case 'reconnected':
        this.health.set('simulator', 'ok', null);
        break;
      case 'stopped':
        if (event.summary.error) this.health.set('simulator', 'down', event.summary.error.message);
        break;
      default:
        break;
    }
  }
}
