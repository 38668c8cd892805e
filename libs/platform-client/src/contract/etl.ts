import { z } from 'zod';
import { ResultRowSchema } from './common';

export const RuleOutcomeSchema = z.object({
  rule: z.string(),
  kind: z.string(),
  level: z.enum(['row', 'dataset']),
  severity: z.enum(['warn', 'fail']),
  passed: z.boolean(),
  observed: z.number(),
  checked: z.number().optional(),
  message: z.string().optional(),
  sample: z.array(z.record(z.string(), z.unknown())).optional(),
  basis: z.string().optional(),
  details: z.record(z.string(), z.number()).optional(),
});

/** One job run as libs/etl records it. */
export const RunReportSchema = z.object({
  runId: z.string(),
  job: z.string(),
  status: z.enum(['committed', 'no-new-input', 'blocked', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  counts: z.object({
    read: z.number(),
    written: z.number(),
    inserted: z.number(),
    updated: z.number(),
    deleted: z.number(),
    quarantined: z.number(),
  }),
  timings: z.object({
    readMs: z.number(),
    transformMs: z.number(),
    qualityMs: z.number(),
    writeMs: z.number(),
    totalMs: z.number(),
  }),
  /** Where the run's time went, per phase (listing, read, rules, hudi-write, ...): ms and DuckDB statements. */
  phases: z.record(z.string(), z.object({ ms: z.number(), statements: z.number() })).optional(),
  rules: z.array(RuleOutcomeSchema),
  instants: z.array(z.string()),
  inputFiles: z.array(z.string()),
  excludedFiles: z.array(z.string()).optional(),
  quarantineKey: z.string().optional(),
  error: z.string().optional(),
  errorKind: z.string().optional(),
  errorCause: z.string().optional(),
});
export type RunReportBody = z.infer<typeof RunReportSchema>;

export const EtlRunsResponseSchema = z.object({
  runs: z.array(RunReportSchema),
  offset: z.number(),
  limit: z.number(),
  /** More (older) runs exist past this page. */
  more: z.boolean(),
});

/** One quarantined row: the rule it broke, why, and where it came from. */
export const QuarantinedRowSchema = z.object({
  job: z.string(),
  runId: z.string(),
  batchId: z.string(),
  rule: z.string(),
  failedRules: z.string(),
  reason: z.string().nullable(),
  column: z.string().nullable(),
  file: z.string(),
  line: z.number().nullable(),
  rawRow: z.string().nullable(),
  quarantinedAt: z.string(),
});
export type QuarantinedRow = z.infer<typeof QuarantinedRowSchema>;

export const QuarantineResponseSchema = z.object({
  rows: z.array(QuarantinedRowSchema),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
});

export { ResultRowSchema };
