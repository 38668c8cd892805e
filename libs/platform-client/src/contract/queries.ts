import { z } from 'zod';
import { ResultColumnSchema, ResultRowSchema } from './common';

export const NamedQueryParameterSchema = z.object({
  name: z.string(),
  type: z.enum(['date', 'string', 'integer']),
  description: z.string(),
  default: z.union([z.string(), z.number()]).nullable(),
  dataDefault: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

export const NamedQueriesResponseSchema = z.object({
  queries: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      tables: z.array(z.string()),
      parameters: z.array(NamedQueryParameterSchema),
    }),
  ),
});

export const QueryResultResponseSchema = z.object({
  columns: z.array(ResultColumnSchema),
  rows: z.array(ResultRowSchema),
  /** More rows than `maxRows` matched; only the first `maxRows` are here. */
  truncated: z.boolean(),
  maxRows: z.number(),
  elapsedMs: z.number(),
  bytesScanned: z.number().nullable(),
  /** Named queries: the values they ran with (period bounds from the data included). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  period: z
    .object({
      from: z.string(),
      to: z.string(),
      fromSource: z.enum(['given', 'data']),
      toSource: z.enum(['given', 'data']),
    })
    .nullable(),
});
export type QueryResultResponse = z.infer<typeof QueryResultResponseSchema>;
