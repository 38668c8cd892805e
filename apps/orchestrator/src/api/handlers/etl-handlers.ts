import { listRuns } from '@autocorp/etl';
import type { RunReportBody } from '@autocorp/platform-client';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';
import { readQuarantine } from './read-quarantine';

/** ETL run records (newest first, paginated) and the quarantined rows. */
export function etlHandlers(context: ApiContext): Pick<RouteHandlers, 'etlRuns' | 'quarantine'> {
  return {
    etlRuns: async ({ query }) => {
      const runs = await listRuns({
        store: context.runtime.store,
        limit: query.offset + query.limit + 1,
        ...(query.job ? { jobs: query.job } : {}),
      });
      return {
        runs: runs.slice(query.offset, query.offset + query.limit) as unknown as RunReportBody[],
        offset: query.offset,
        limit: query.limit,
        more: runs.length > query.offset + query.limit,
      };
    },
    quarantine: async ({ query }) => readQuarantine(context, query),
  };
}
