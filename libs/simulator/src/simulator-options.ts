import { DEFAULT_OPERATION_WEIGHTS, OPERATION_KINDS, type OperationKind } from './operation-kinds';
import type { SimulatorConnection } from './database-session';
import { type SimulatorClock, systemClock } from './simulator-clock';
import { SimulatorError } from './simulator-error';
import type { SimulatorListener } from './simulator-events';

export interface SimulatorOptions {
  readonly connection: SimulatorConnection;
  /** Target rate of new orders; the other kinds follow in proportion to their weights. */
  readonly ordersPerSecond: number;
  /** Same seed on the same database (and clock) gives the same statements. */
  readonly seed: number;
  /** Default the system clock; tests pass a VirtualClock (no sleeps). */
  readonly clock?: SimulatorClock;
  readonly onEvent?: SimulatorListener;
  /** Stop after this many committed transactions. */
  readonly maxTransactions?: number;
  /** Stop after this many milliseconds of the clock. */
  readonly durationMs?: number;
  /** Relative frequency of each kind per new order (default DEFAULT_OPERATION_WEIGHTS). */
  readonly weights?: Partial<Readonly<Record<OperationKind, number>>>;
  /** Reconnection after a lost connection: attempts (default 5) and the first delay, doubling (default 500 ms). */
  readonly retry?: { readonly attempts?: number; readonly firstDelayMs?: number };
}

export interface ResolvedOptions {
  readonly connection: SimulatorConnection;
  readonly ordersPerSecond: number;
  readonly seed: number;
  readonly clock: SimulatorClock;
  readonly onEvent: SimulatorListener;
  readonly maxTransactions: number;
  readonly durationMs: number;
  readonly weights: Readonly<Record<OperationKind, number>>;
  readonly retryAttempts: number;
  readonly retryFirstDelayMs: number;
}

function invalid(option: string, value: unknown, want: string): SimulatorError {
  return new SimulatorError('invalid-options', `simulator option ${option} is ${String(value)}: give ${want}`);
}

function positive(option: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw invalid(option, value, integer ? 'a whole number above 0' : 'a number above 0');
  return value;
}

/** Checks the options and fills in the defaults; every error names the option and what to give. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  if (!Number.isSafeInteger(options.seed)) throw invalid('seed', options.seed, 'a whole number');
  const weights = { ...DEFAULT_OPERATION_WEIGHTS, ...options.weights };
  for (const kind of OPERATION_KINDS) {
    const w = weights[kind];
    if (!Number.isFinite(w) || w < 0) throw invalid(`weights.${kind}`, w, 'a number of 0 or more');
  }
  if (weights['new-order'] <= 0) throw invalid('weights.new-order', weights['new-order'], 'a number above 0');
  return {
    connection: options.connection,
    ordersPerSecond: positive('ordersPerSecond', options.ordersPerSecond ?? Number.NaN, 0),
    seed: options.seed,
    clock: options.clock ?? systemClock,
    onEvent: options.onEvent ?? (() => undefined),
    maxTransactions: positive('maxTransactions', options.maxTransactions, Number.POSITIVE_INFINITY, true),
    durationMs: positive('durationMs', options.durationMs, Number.POSITIVE_INFINITY),
    weights,
    retryAttempts: options.retry?.attempts ?? 5,
    retryFirstDelayMs: options.retry?.firstDelayMs ?? 500,
  };
}

/** Transactions per second that give `ordersPerSecond` new orders with these weights. */
export function transactionsPerSecond(options: ResolvedOptions): number {
  const total = OPERATION_KINDS.reduce((s, k) => s + options.weights[k], 0);
  return (options.ordersPerSecond * total) / options.weights['new-order'];
}
