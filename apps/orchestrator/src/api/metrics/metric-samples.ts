import type { MetricSeries, PlatformEvent } from '@autocorp/platform-client';

/** How a series folds the samples of one bucket: counters add up, gauges keep the last value, `max` the largest. */
export type MetricFold = 'sum' | 'last' | 'max';

export const METRIC_FOLDS: Readonly<Record<MetricSeries, MetricFold>> = {
  'cdc.lagSeconds': 'last',
  'cdc.lagBytes': 'last',
  'cdc.rows': 'sum',
  'cdc.batches': 'sum',
  'etl.runs': 'sum',
  'etl.seconds': 'max',
  'etl.inserted': 'sum',
  'etl.updated': 'sum',
  'etl.deleted': 'sum',
  'etl.quarantined': 'sum',
  'etl.rulesFailed': 'sum',
  'csv.files': 'sum',
  'csv.rows': 'sum',
  'csv.rejected': 'sum',
  'simulator.ordersPerSecond': 'last',
};

export interface MetricSample {
  readonly series: MetricSeries;
  readonly value: number;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The metric samples a live event carries (none for progress, crawl and component events). */
export function metricSamples(event: PlatformEvent): MetricSample[] {
  switch (event.type) {
    case 'cdc-batch':
      return [
        { series: 'cdc.rows', value: event.rows },
        { series: 'cdc.batches', value: 1 },
        ...(event.commitLagSeconds !== null
          ? [{ series: 'cdc.lagSeconds' as const, value: event.commitLagSeconds }]
          : []),
      ];
    case 'cdc-status':
      return [
        ...(event.lagSeconds !== null ? [{ series: 'cdc.lagSeconds' as const, value: event.lagSeconds }] : []),
        ...(event.lagBytes !== null ? [{ series: 'cdc.lagBytes' as const, value: event.lagBytes }] : []),
      ];
    case 'etl-run':
      return [
        { series: 'etl.runs', value: 1 },
        { series: 'etl.seconds', value: event.seconds },
        { series: 'etl.inserted', value: sum(event.jobs.map((j) => j.inserted)) },
        { series: 'etl.updated', value: sum(event.jobs.map((j) => j.updated)) },
        { series: 'etl.deleted', value: sum(event.jobs.map((j) => j.deleted)) },
        { series: 'etl.quarantined', value: sum(event.jobs.map((j) => j.quarantined)) },
        { series: 'etl.rulesFailed', value: sum(event.jobs.map((j) => j.rulesFailed.length)) },
      ];
    case 'csv-transfer':
      return [
        { series: 'csv.files', value: event.files },
        { series: 'csv.rows', value: event.rows },
        { series: 'csv.rejected', value: event.rejected.length },
      ];
    case 'simulator':
      return [{ series: 'simulator.ordersPerSecond', value: event.ordersPerSecond }];
    default:
      return [];
  }
}
