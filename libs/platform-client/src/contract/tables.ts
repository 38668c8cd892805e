import { z } from 'zod';
import { ResultColumnSchema, ResultRowSchema } from './common';

export const ZONE_NAMES = ['raw', 'curated'] as const;

export const CatalogColumnSchema = z.object({ name: z.string(), type: z.string(), comment: z.string().nullable() });

export const CatalogTableSummarySchema = z.object({
  database: z.string(),
  zone: z.enum(ZONE_NAMES),
  name: z.string(),
  format: z.string(),
  location: z.string(),
  columns: z.number(),
  partitionKeys: z.array(z.string()),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
  /** Curated Hudi tables: the latest completed commit (freshness); null for raw tables and tables without one. */
  latestCommit: z.object({ instant: z.string(), time: z.string() }).nullable(),
});

export const TablesResponseSchema = z.object({
  zones: z.array(
    z.object({ zone: z.enum(ZONE_NAMES), database: z.string(), tables: z.array(CatalogTableSummarySchema) }),
  ),
});

export const TableDetailResponseSchema = z.object({
  table: CatalogTableSummarySchema,
  columns: z.array(CatalogColumnSchema),
  partitionKeys: z.array(CatalogColumnSchema),
  partitions: z.array(z.object({ values: z.array(z.string()), location: z.string() })),
});

/** Rows of one table in each place: PostgreSQL, the raw zone (latest change per key, deletes gone) and the curated Hudi table. */
export const TableCountsSchema = z.object({
  table: z.string(),
  source: z.number().nullable(),
  raw: z.number().nullable(),
  curated: z.number().nullable(),
  /** Why a count is null (source unreachable, table not landed yet...). */
  notes: z.array(z.string()),
});
export const TableCountsResponseSchema = z.object({ tables: z.array(TableCountsSchema) });

export const TimelineInstantSchema = z.object({
  instant: z.string(),
  /** The instant as an ISO time. */
  time: z.string(),
  action: z.string(),
  operation: z.string(),
  inserted: z.number(),
  updated: z.number(),
  deleted: z.number(),
  filesWritten: z.number(),
  bytesWritten: z.number(),
});
export const TimelineResponseSchema = z.object({ table: z.string(), instants: z.array(TimelineInstantSchema) });

export const PreviewResponseSchema = z.object({
  table: z.string(),
  asOf: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  columns: z.array(ResultColumnSchema),
  rows: z.array(ResultRowSchema),
  limit: z.number(),
});
