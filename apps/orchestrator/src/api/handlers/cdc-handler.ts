import { type CdcStatus, type TableState, cdcStatus, formatLsn, readCdcState } from '@autocorp/cdc';
import type { CdcResponse } from '@autocorp/platform-client';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';

function tableRow(table: string, state: TableState): CdcResponse['tables'][number] {
  return {
    table,
    state: state.state,
    lsn: 'lsn' in state ? state.lsn : null,
    loadRows: 'loadRows' in state ? state.loadRows : null,
    loadFiles: 'loadFiles' in state ? state.loadFiles : null,
    startedAt: state.state === 'data_sync' ? state.startedAt : null,
    reason: state.state === 'errored' ? state.reason : null,
    solution: state.state === 'errored' ? state.solution : null,
  };
}

function slotStatus(status: CdcStatus): NonNullable<CdcResponse['slotStatus']> {
  return {
    exists: status.slotExists,
    active: status.active,
    walStatus: status.walStatus,
    invalidated: status.invalidated,
    confirmedFlushLsn: status.confirmedFlushLsn,
    currentWalLsn: status.currentWalLsn,
    lagBytes: status.lagBytes,
    lagSeconds: status.lagSeconds,
    lagBasis: status.lagBasis,
    unknown: { ...status.unknown } as Record<string, string>,
  };
}

/**
 * The CDC view: the slot as PostgreSQL reports it (cdcStatus) when the source is reachable, else
 * what the lake holds (position and table states); throughput from the metrics history.
 */
export function cdcHandler(context: ApiContext): Pick<RouteHandlers, 'cdc'> {
  return {
    cdc: async ({ query }) => {
      const { store, slotName, sourceConnection } = context.runtime;
      const now = context.now();
      const windowMs = query.windowSeconds * 1000;
      const rows = context.metrics.total('cdc.rows', now - windowMs, now);
      const throughput = {
        windowSeconds: query.windowSeconds,
        batches: context.metrics.total('cdc.batches', now - windowMs, now),
        rows,
        rowsPerSecond: rows / query.windowSeconds,
      };
      let status: CdcStatus | undefined;
      let unreachable: string | null = sourceConnection
        ? null
        : 'no source database connection: this API runs without one (autocorp serve without DATABASE_URL)';
      if (sourceConnection) {
        try {
          status = await cdcStatus({ connection: sourceConnection, store, slotName });
        } catch (error) {
          unreachable = `the source database cannot be asked: ${(error as Error).message}`;
        }
      }
      if (status) {
        return {
          slot: slotName,
          source: { reachable: true, reason: null },
          slotStatus: slotStatus(status),
          position: status.position,
          lastCommitTime: status.lastCommitTime,
          tables: Object.entries(status.tables).map(([table, state]) => tableRow(table, state)),
          throughput,
        };
      }
      const state = await readCdcState(store, slotName);
      return {
        slot: slotName,
        source: { reachable: false, reason: unreachable },
        slotStatus: null,
        position: state ? { lsn: formatLsn(state.position.lsn), seq: state.position.seq } : null,
        lastCommitTime: state?.lastCommitTime ?? null,
        tables: Object.entries(state?.tables ?? {}).map(([table, tableState]) => tableRow(table, tableState)),
        throughput,
      };
    },
  };
}
