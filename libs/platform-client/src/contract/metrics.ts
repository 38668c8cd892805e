import { z } from 'zod';

/** The series the API derives from the live events and keeps on disk (bounded). */
export const METRIC_SERIES = [
  'cdc.lagSeconds',
  'cdc.lagBytes',
  'cdc.rows',
  'cdc.batches',
  'etl.runs',
  'etl.seconds',
  'etl.inserted',
  'etl.updated',
  'etl.deleted',
  'etl.quarantined',
  'etl.rulesFailed',
  'csv.files',
  'csv.rows',
  'csv.rejected',
  'simulator.ordersPerSecond',
] as const;
export const MetricSeriesSchema = z.enum(METRIC_SERIES);
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;

/** One bucket of a series: `t` its start (ms since the epoch), `v` its value (a sum, or the last gauge value). */
export const MetricPointSchema = z.object({ t: z.number(), v: z.number() });

export const MetricsResponseSchema = z.object({
  bucketMs: z.number(),
  from: z.number(),
  to: z.number(),
  series: z.array(z.object({ name: MetricSeriesSchema, points: z.array(MetricPointSchema) })),
});
export type MetricsResponse = z.infer<typeof MetricsResponseSchema>;
