import type pg from 'pg';
import {
  OrderSimulator,
  type SimulationSummary,
  type SimulatorEvent,
  type SimulatorOptions,
  VirtualClock,
} from '../../src/index';
import type { DatabaseCopy } from './seeded-postgres';

/** Where the tests' virtual clocks start (a Monday morning). */
export const CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface SimulationRun {
  readonly summary: SimulationSummary;
  readonly events: SimulatorEvent[];
  readonly clock: VirtualClock;
}

/** Runs a simulator on a database copy with a virtual clock until it stops; prints the seed. */
export async function simulate(
  copy: DatabaseCopy,
  options: Partial<SimulatorOptions> & { seed: number },
  hooks: { clock?: VirtualClock; onEvent?: (event: SimulatorEvent, simulator: OrderSimulator) => void } = {},
): Promise<SimulationRun> {
  const clock = hooks.clock ?? new VirtualClock(CLOCK_START);
  const events: SimulatorEvent[] = [];
  console.info(`simulator seed ${options.seed} on ${copy.name}`);
  const simulator: OrderSimulator = new OrderSimulator({
    connection: copy.config,
    ordersPerSecond: 20,
    clock,
    ...options,
    onEvent(event) {
      events.push(event);
      hooks.onEvent?.(event, simulator);
    },
  });
  await simulator.start();
  return { summary: await simulator.finished(), events, clock };
}

/** Terminates the simulator's sessions on one database (as an administrator would). */
export async function terminateSimulator(admin: pg.Pool, database: string): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = 'autocorp-simulator' AND datname = $1`,
    [database],
  );
  return Number(rows[0]?.n);
}
