/**
 * Per-table replication state, after Supabase ETL's table lifecycle: a table starts in `init`,
 * is copied from the slot's exported snapshot in `data_sync`, is `sync_done` at the snapshot's
 * consistent point once its full load is durable, and `ready` once the stream applies to it.
 * `errored` carries the reason and what to do.
 */
export type TableState =
  | { readonly state: 'init' }
  | { readonly state: 'data_sync'; readonly startedAt: string }
  | { readonly state: 'sync_done'; readonly lsn: string; readonly loadRows: number; readonly loadFiles: number }
  | { readonly state: 'ready'; readonly lsn: string; readonly loadRows: number; readonly loadFiles: number }
  | { readonly state: 'errored'; readonly reason: string; readonly solution: string };

export type TableStateName = TableState['state'];

export function isSynced(state: TableState | undefined): boolean {
  return state?.state === 'sync_done' || state?.state === 'ready';
}
