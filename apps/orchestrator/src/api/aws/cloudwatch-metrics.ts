import { type CloudWatchClient, GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { METRIC_SERIES, type MetricSeries, type MetricsResponse } from '@autocorp/platform-client';
import { LAKEHOUSE_METRICS } from '@autocorp/platform-client/lakehouse-metrics';
import type { PlatformApiLambdaSettings } from '@autocorp/platform-client/platform-api-environment';
import { ApiError } from '../api-error';
import type { RouteHandlers } from '../route-handler';

const HOUR_MS = 3_600_000;
const DMS = LAKEHOUSE_METRICS.dmsCdcLatency;
const GLUE = LAKEHOUSE_METRICS.glueElapsedTime;
/** CloudWatch answers at most this many points per series and call page; the period grows with the range. */
const MAX_POINTS = 500;

/**
 * The metrics-history series CloudWatch has on aws, as metric math over the metrics the Monitoring stack charts:
 * DMS CDC latency at the target (seconds) and the Glue jobs' elapsed time (summed over the environment's jobs).
 * The other series come from the local platform's events only.
 */
export const CLOUDWATCH_SERIES: Partial<
  Record<MetricSeries, (settings: PlatformApiLambdaSettings, periodSeconds: number) => string>
> = {
  'cdc.lagSeconds': (s, period) =>
    `MAX(SEARCH('{${DMS.namespace}} MetricName="${DMS.metricName('Target')}" "${s.replicationId}"', 'Maximum', ${period}))`,
  'etl.seconds': (s, period) =>
    `SUM(SEARCH('{${GLUE.namespace},JobName,JobRunId,Type} MetricName="${GLUE.metricName}" JobRunId="ALL" Type="count" "${s.resourcePrefix}"', 'Maximum', ${period})) / 1000`,
};

/** A whole number of minutes (CloudWatch's periods) giving at most MAX_POINTS buckets over the range. */
export function periodSeconds(fromMs: number, toMs: number): number {
  return Math.max(60, Math.ceil((toMs - fromMs) / 1000 / MAX_POINTS / 60) * 60);
}

/** GET /api/metrics on aws: the series CloudWatch has, read with GetMetricData (every page), oldest first. */
export function cloudWatchMetricsHandler(
  client: CloudWatchClient,
  settings: PlatformApiLambdaSettings,
  now: () => number,
): Pick<RouteHandlers, 'metrics'> {
  return {
    metrics: async ({ query, signal }): Promise<MetricsResponse> => {
      const to = query.to ?? now();
      const from = query.from ?? to - HOUR_MS;
      if (from > to) throw new ApiError('bad-request', `query.from (${from}) is after query.to (${to}).`, 'query.from');
      const asked = query.series ?? [...METRIC_SERIES];
      const series = asked.filter((name) => CLOUDWATCH_SERIES[name] !== undefined);
      if (series.length === 0)
        throw new ApiError(
          'local-only',
          `query.series: ${asked.join(', ')} ${asked.length === 1 ? 'is' : 'are'} recorded by the local platform only; on aws CloudWatch has ${Object.keys(CLOUDWATCH_SERIES).join(', ')}.`,
          'query.series',
        );
      const period = periodSeconds(from, to);
      const ids = new Map(series.map((name, i) => [`s${i}`, name]));
      const points = new Map<string, { t: number; v: number }[]>(series.map((name) => [name, []]));
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new GetMetricDataCommand({
            StartTime: new Date(from),
            EndTime: new Date(to),
            ScanBy: 'TimestampAscending',
            MetricDataQueries: [...ids].map(([id, name]) => ({
              Id: id,
              Expression: CLOUDWATCH_SERIES[name]!(settings, period),
              Label: name,
              ReturnData: true,
            })),
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
          { abortSignal: signal },
        );
        for (const result of page.MetricDataResults ?? []) append(points, ids, result);
        nextToken = page.NextToken;
      } while (nextToken);
      return {
        bucketMs: period * 1000,
        from,
        to,
        series: series.map((name) => ({ name, points: points.get(name)!.sort((a, b) => a.t - b.t) })),
      };
    },
  };
}

function append(
  points: Map<string, { t: number; v: number }[]>,
  ids: Map<string, MetricSeries>,
  result: MetricDataResult,
): void {
  const name = ids.get(result.Id ?? '');
  if (!name) return;
  const target = points.get(name)!;
  const values = result.Values ?? [];
  (result.Timestamps ?? []).forEach((time, i) => {
    const value = values[i];
    if (value !== undefined && Number.isFinite(value)) target.push({ t: time.getTime(), v: value });
  });
}
