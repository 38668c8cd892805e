import type { ExactLineAllocator, OrderDraft, OrderDrafter, Random } from '@autocorp/generator';
import type { SourceTableName } from '@autocorp/schema';
import type { OperationKind } from '../operation-kinds';
import type { SourceState } from '../state/source-state';

export type SqlAction = 'insert' | 'update' | 'delete';

/** One parameterised statement and the table and action it counts under. */
export interface Statement {
  readonly table: SourceTableName;
  readonly action: SqlAction;
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * A transaction ready to run. Planning never changes the state: `apply` does, after COMMIT, so a
 * failed transaction leaves the simulator's picture of the database as it was.
 */
export interface PlannedTransaction {
  readonly kind: OperationKind;
  readonly statements: readonly Statement[];
  apply(): void;
}

/** What every planner draws on; `at` is the transaction's timestamp literal. */
export interface PlanContext {
  readonly state: SourceState;
  readonly random: Random;
  readonly drafter: OrderDrafter;
  /** Scratch draft, refilled by each plan that drafts lines. */
  readonly draft: OrderDraft;
  readonly lines: ExactLineAllocator;
  readonly at: string;
}

/** Plans one kind of transaction, or returns undefined when there is nothing to act on. */
export type Planner = (context: PlanContext) => PlannedTransaction | undefined;
