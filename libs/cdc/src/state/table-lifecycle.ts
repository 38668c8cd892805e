import { CdcError } from '../cdc-error';
import type { ObjectStore } from '../lake/object-store';
import { type CdcState, writeCdcState } from './cdc-state';
import { isSynced, nextTableState, type TableState } from './table-state';

/** Whether a full load must come first: no state yet, or a captured table whose full load is not durable. */
export function needsFullLoad(state: CdcState | undefined, tables: readonly string[]): boolean {
  return !state || tables.some((t) => !isSynced(state.tables[t]));
}

/** Refuses to stream (or to take a full load over it) while a captured table is `errored`: its solution comes first. */
export function assertNoErroredTable(state: CdcState, tables: readonly string[]): void {
  for (const table of tables) {
    const t = state.tables[table];
    if (t?.state === 'errored') {
      throw new CdcError(
        'table-errored',
        `Table ${table} is errored, so CDC streams nothing: ${t.reason} ${t.solution}`,
        { solution: t.solution, table },
      );
    }
  }
}

/** The tables as the stream starts: every captured table that finished its full load is `ready`. */
export function startStreaming(state: CdcState, tables: readonly string[]): Record<string, TableState> {
  const next: Record<string, TableState> = { ...state.tables };
  for (const table of tables) next[table] = nextTableState(table, next[table], { event: 'streaming' });
  return next;
}

/**
 * When `error` is about one captured table (a CdcError naming it), records that table as `errored`
 * with the error's message and solution in position.json; the stored position and acknowledgement stay.
 * Returns whether it did.
 */
export async function recordTableFailure(store: ObjectStore, state: CdcState, error: unknown): Promise<boolean> {
  if (
    !(error instanceof CdcError) ||
    error.table === undefined ||
    error.solution === undefined ||
    !(error.table in state.tables)
  )
    return false;
  const { message, solution } = error;
  // The message says what to do too; the state keeps the reason and the solution apart.
  const reason = message.endsWith(solution) ? message.slice(0, -solution.length).trimEnd() : message;
  const errored = nextTableState(error.table, state.tables[error.table], { event: 'failed', reason, solution });
  await writeCdcState(store, {
    ...state,
    tables: { ...state.tables, [error.table]: errored },
    updatedAt: new Date().toISOString(),
  });
  return true;
}
