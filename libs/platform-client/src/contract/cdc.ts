import { z } from 'zod';

/** One captured table's replication state (see @autocorp/cdc TableState). */
export const CdcTableSchema = z.object({
  table: z.string(),
  state: z.enum(['data_sync', 'sync_done', 'ready', 'errored']),
  lsn: z.string().nullable(),
  loadRows: z.number().nullable(),
  loadFiles: z.number().nullable(),
  startedAt: z.string().nullable(),
  reason: z.string().nullable(),
  solution: z.string().nullable(),
});

/** The replication slot as PostgreSQL reports it (null when the source is not reachable). */
export const CdcSlotSchema = z.object({
  exists: z.boolean(),
  active: z.boolean(),
  walStatus: z.string().nullable(),
  invalidated: z.boolean(),
  confirmedFlushLsn: z.string().nullable(),
  currentWalLsn: z.string(),
  lagBytes: z.number().nullable(),
  lagSeconds: z.number().nullable(),
  lagBasis: z.enum(['streaming', 'oldest-pending-commit', 'caught-up', 'unknown']),
  unknown: z.record(z.string(), z.string()).describe('Why each null value is unknown'),
});

export const CdcThroughputSchema = z.object({
  windowSeconds: z.number(),
  batches: z.number(),
  rows: z.number(),
  rowsPerSecond: z.number(),
});

export const CdcResponseSchema = z.object({
  slot: z.string(),
  source: z.object({ reachable: z.boolean(), reason: z.string().nullable() }),
  slotStatus: CdcSlotSchema.nullable(),
  /** Every change at or below it is in the raw zone (from the lake); null before the first full load. */
  position: z.object({ lsn: z.string(), seq: z.number() }).nullable(),
  lastCommitTime: z.string().nullable(),
  tables: z.array(CdcTableSchema),
  throughput: CdcThroughputSchema,
});
export type CdcResponse = z.infer<typeof CdcResponseSchema>;
