import { z } from 'zod';
import { ComponentNameSchema, EtlRunEventSchema, HealthSchema } from './platform-events';

/** One component of the platform and why it is not healthy (null when ok). */
export const ComponentStatusSchema = z.object({
  name: ComponentNameSchema,
  health: HealthSchema,
  reason: z.string().nullable(),
  since: z.number().describe('Milliseconds since the epoch when the component reached this health'),
});
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

export const CdcTableStatusSchema = z.object({
  table: z.string(),
  state: z.string().describe('data_sync, sync_done, ready or errored (the CDC table state)'),
  reason: z.string().nullable(),
});

export const PlatformCdcStatusSchema = z.object({
  slot: z.string(),
  receivedLsn: z.string(),
  ackLsn: z.string(),
  lagBytes: z.number().nullable(),
  lagSeconds: z.number().nullable(),
  tables: z.array(CdcTableStatusSchema),
});

export const PlatformEtlStatusSchema = z.object({
  running: z.boolean(),
  lastRun: EtlRunEventSchema.nullable(),
  intervalMs: z.number().nonnegative(),
});

export const PlatformSimulatorStatusSchema = z.object({
  ordersPerSecond: z.number().nonnegative(),
  seed: z.number(),
  counts: z.record(z.string(), z.number()),
});

/**
 * What a platform reports about itself: `live` under `autocorp up`, `static` under `autocorp serve`
 * (the API over a lake with nothing running; every component `stopped`).
 */
export const PlatformStatusSchema = z.object({
  mode: z.enum(['live', 'static']),
  startedAt: z.number(),
  profile: z.string(),
  components: z.array(ComponentStatusSchema),
  cdc: PlatformCdcStatusSchema.nullable(),
  etl: PlatformEtlStatusSchema.nullable(),
  simulator: PlatformSimulatorStatusSchema.nullable(),
});
export type PlatformStatus = z.infer<typeof PlatformStatusSchema>;
export type PlatformCdcStatus = z.infer<typeof PlatformCdcStatusSchema>;
export type PlatformEtlStatus = z.infer<typeof PlatformEtlStatusSchema>;
