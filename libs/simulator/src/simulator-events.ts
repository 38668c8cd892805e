import { SOURCE_TABLE_NAMES, type SourceTableName } from '@autocorp/schema';
import { OPERATION_KINDS, type OperationKind } from './operation-kinds';
import type { SqlAction } from './operations/planned-transaction';
import type { SimulatorError } from './simulator-error';

/** What a simulation did so far: committed transactions only (a rolled-back one counts nowhere). */
export interface SimulatorCounts {
  transactions: number;
  statements: number;
  readonly operations: Record<OperationKind, number>;
  /** Rows each table got inserted, updated and deleted (as PostgreSQL reported them). */
  readonly rows: Record<SourceTableName, Record<SqlAction, number>>;
}

export function emptyCounts(): SimulatorCounts {
  return {
    transactions: 0,
    statements: 0,
    operations: Object.fromEntries(OPERATION_KINDS.map((k) => [k, 0])) as Record<OperationKind, number>,
    rows: Object.fromEntries(
      SOURCE_TABLE_NAMES.map((t) => [t, { insert: 0, update: 0, delete: 0 }]),
    ) as SimulatorCounts['rows'],
  };
}

export function copyCounts(counts: SimulatorCounts): SimulatorCounts {
  return {
    transactions: counts.transactions,
    statements: counts.statements,
    operations: { ...counts.operations },
    rows: Object.fromEntries(Object.entries(counts.rows).map(([t, r]) => [t, { ...r }])) as SimulatorCounts['rows'],
  };
}

export type StopReason = 'requested' | 'limit' | 'failed';

/** Why and how a simulation ended. */
export interface SimulationSummary {
  readonly seed: number;
  readonly reason: StopReason;
  readonly counts: SimulatorCounts;
  /** Simulated milliseconds from start to stop (by the simulator's clock). */
  readonly elapsedMs: number;
  readonly error?: SimulatorError;
}

/** What the simulator reports; it draws nothing. Times are the clock's milliseconds. */
export type SimulatorEvent =
  | {
      readonly type: 'started';
      readonly seed: number;
      readonly ordersPerSecond: number;
      readonly transactionsPerSecond: number;
      readonly source: { readonly orders: number; readonly openOrders: number; readonly customers: number };
      readonly at: number;
    }
  | {
      readonly type: 'transaction-begun';
      readonly kind: OperationKind;
      readonly statements: number;
      readonly at: number;
    }
  | {
      readonly type: 'transaction-committed';
      readonly kind: OperationKind;
      readonly statements: number;
      /** Everything committed so far, this transaction included (a copy). */
      readonly counts: SimulatorCounts;
      readonly at: number;
    }
  | {
      readonly type: 'retrying';
      readonly attempt: number;
      readonly attempts: number;
      readonly delayMs: number;
      readonly error: SimulatorError;
      readonly at: number;
    }
  | { readonly type: 'reconnected'; readonly attempt: number; readonly at: number }
  | { readonly type: 'stopped'; readonly summary: SimulationSummary; readonly at: number };

export type SimulatorListener = (event: SimulatorEvent) => void;
