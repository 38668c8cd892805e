import { CdcError } from '../cdc-error';

/**
 * Per-table replication state, after Supabase ETL's table replication phases: a table is copied from
 * the slot's exported snapshot in `data_sync`, is `sync_done` at the snapshot's consistent point once
 * its full load is durable, and `ready` once the stream applies to it. `errored` carries the reason
 * and the solution (what to do); CDC does not stream again until the solution is applied.
 */
export type TableState =
  | { readonly state: 'data_sync'; readonly startedAt: string }
  | { readonly state: 'sync_done'; readonly lsn: string; readonly loadRows: number; readonly loadFiles: number }
  | { readonly state: 'ready'; readonly lsn: string; readonly loadRows: number; readonly loadFiles: number }
  | { readonly state: 'errored'; readonly reason: string; readonly solution: string };

export type TableStateName = TableState['state'];

/** What happens to a table: the events of its lifecycle. */
export type TableEvent =
  | { readonly event: 'load-started'; readonly at: string }
  | { readonly event: 'load-done'; readonly lsn: string; readonly loadRows: number; readonly loadFiles: number }
  | { readonly event: 'streaming' }
  | { readonly event: 'failed'; readonly reason: string; readonly solution: string };

/**
 * The transition function of the table lifecycle. A (new) full load may start from any state; its end
 * needs `data_sync`; streaming needs `sync_done` or `ready`; a failure is recorded from any state.
 * Any other step is a bug or a corrupt position.json, reported as `state-corrupt`.
 */
export function nextTableState(table: string, current: TableState | undefined, event: TableEvent): TableState {
  switch (event.event) {
    case 'load-started':
      return { state: 'data_sync', startedAt: event.at };
    case 'load-done':
      if (current?.state === 'data_sync')
        return { state: 'sync_done', lsn: event.lsn, loadRows: event.loadRows, loadFiles: event.loadFiles };
      break;
    case 'streaming':
      if (current?.state === 'sync_done' || current?.state === 'ready') return { ...current, state: 'ready' };
      break;
    case 'failed':
      return { state: 'errored', reason: event.reason, solution: event.solution };
  }
  throw new CdcError(
    'state-corrupt',
    `Table ${table} cannot go from state "${current?.state ?? 'none'}" by "${event.event}". Run dropCdc and start CDC again to take a new full load.`,
  );
}

/** The table's full load is durable: the stream may apply to it. */
export function isSynced(state: TableState | undefined): boolean {
  return state?.state === 'sync_done' || state?.state === 'ready';
}
