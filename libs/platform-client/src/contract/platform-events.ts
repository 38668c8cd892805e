import { PROGRESS_STAGES } from '@autocorp/progress';
import { z } from 'zod';

/**
 * The live events of a running platform: `autocorp up` emits exactly these on its runtime, the API
 * streams them at /api/events and derives its metrics history from them. `at` is ms since the epoch.
 */

export const COMPONENT_NAMES = ['source', 'cdc', 'etl', 'catalog', 'csv-watch', 'simulator'] as const;
export const ComponentNameSchema = z.enum(COMPONENT_NAMES);
export type ComponentName = z.infer<typeof ComponentNameSchema>;

export const HEALTHS = ['ok', 'degraded', 'down', 'stopped'] as const;
export const HealthSchema = z.enum(HEALTHS);
export type Health = z.infer<typeof HealthSchema>;

const at = z.number().describe('Milliseconds since the epoch');
const count = z.number().int().nonnegative();

/** The @autocorp/progress event, as JSON. */
export const ProgressEventSchema = z.object({
  phase: z.enum(['start', 'advance', 'finish']),
  stage: z.enum(PROGRESS_STAGES),
  subject: z.string(),
  done: z.number(),
  total: z.number().optional(),
  unit: z.enum(['rows', 'bytes', 'files', 'tables', 'jobs']),
  startedAt: at,
  at,
});

export const ETL_TRIGGERS = ['startup', 'micro-batch', 'csv', 'manual', 'full'] as const;
export const CDC_BATCH_REASONS = ['time', 'quiet', 'size', 'stop'] as const;

export const RuleFailureSchema = z.object({ rule: z.string(), severity: z.enum(['warn', 'fail']) });

export const EtlRunJobSchema = z.object({
  job: z.string(),
  status: z.string().describe('committed, no-new-input, blocked or failed (the etl run record status)'),
  inserted: count,
  updated: count,
  deleted: count,
  quarantined: count,
  seconds: z.number().nonnegative(),
  rulesFailed: z.array(RuleFailureSchema),
});

export const ProgressPlatformEventSchema = z.object({
  type: z.literal('progress'),
  at,
  progress: ProgressEventSchema,
});
export const CdcBatchEventSchema = z.object({
  type: z.literal('cdc-batch'),
  at,
  rows: count,
  files: count,
  lsn: z.string(),
  reason: z.enum(CDC_BATCH_REASONS),
  tables: z.array(z.object({ table: z.string(), rows: count })),
  commitLagSeconds: z.number().nullable(),
});
export const CdcStatusEventSchema = z.object({
  type: z.literal('cdc-status'),
  at,
  receivedLsn: z.string(),
  ackLsn: z.string(),
  lagBytes: z.number().nullable(),
  lagSeconds: z.number().nullable(),
});
export const EtlRunEventSchema = z.object({
  type: z.literal('etl-run'),
  at,
  runId: z.string(),
  trigger: z.enum(ETL_TRIGGERS),
  seconds: z.number().nonnegative(),
  jobs: z.array(EtlRunJobSchema),
});
export const CsvTransferEventSchema = z.object({
  type: z.literal('csv-transfer'),
  at,
  files: count,
  rows: count,
  rejected: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export const CrawlEventSchema = z.object({
  type: z.literal('crawl'),
  at,
  tables: count,
  changed: z.array(z.string()),
});
export const ComponentEventSchema = z.object({
  type: z.literal('component'),
  at,
  component: ComponentNameSchema,
  health: HealthSchema,
  reason: z.string().nullable(),
});
export const SimulatorEventSchema = z.object({
  type: z.literal('simulator'),
  at,
  ordersPerSecond: z.number().nonnegative(),
  counts: z.record(z.string(), z.number()),
});

export const PlatformEventSchema = z.discriminatedUnion('type', [
  ProgressPlatformEventSchema,
  CdcBatchEventSchema,
  CdcStatusEventSchema,
  EtlRunEventSchema,
  CsvTransferEventSchema,
  CrawlEventSchema,
  ComponentEventSchema,
  SimulatorEventSchema,
]);

export type PlatformEvent = z.infer<typeof PlatformEventSchema>;
export type PlatformEventType = PlatformEvent['type'];
export type CdcBatchEvent = z.infer<typeof CdcBatchEventSchema>;
export type CdcStatusEvent = z.infer<typeof CdcStatusEventSchema>;
export type EtlRunEvent = z.infer<typeof EtlRunEventSchema>;
export type EtlRunJob = z.infer<typeof EtlRunJobSchema>;
export type CsvTransferEvent = z.infer<typeof CsvTransferEventSchema>;
export type CrawlEvent = z.infer<typeof CrawlEventSchema>;
export type ComponentEvent = z.infer<typeof ComponentEventSchema>;
export type SimulatorEvent = z.infer<typeof SimulatorEventSchema>;
