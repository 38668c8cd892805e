import { METRIC_SERIES } from '@autocorp/platform-client';
import { ApiError } from '../api-error';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';

const HOUR_MS = 3_600_000;

/** The metrics history: the asked series (default all) between `from` (default an hour ago) and `to` (default now). */
export function metricsHandler(context: ApiContext): Pick<RouteHandlers, 'metrics'> {
  return {
    metrics: async ({ query }) => {
      const to = query.to ?? context.now();
      const from = query.from ?? to - HOUR_MS;
      if (from > to) throw new ApiError('bad-request', `query.from (${from}) is after query.to (${to}).`, 'query.from');
      return context.metrics.query(query.series ?? [...METRIC_SERIES], from, to);
    },
  };
}
