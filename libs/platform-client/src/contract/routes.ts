import { z } from 'zod';
import { ApiErrorSchema } from './api-error';
import { CdcResponseSchema } from './cdc';
import { CHAT_ROUTES } from './chat-routes';
import { EmptyObject, FormatSchema, InstantOrTimeSchema, InstantSchema, NameSchema, pageQuery } from './common';
import { EtlRunsResponseSchema, QuarantineResponseSchema } from './etl';
import { MetricSeriesSchema, MetricsResponseSchema } from './metrics';
import { PlatformEventSchema } from './platform-events';
import { PlatformStatusSchema } from './platform-status';
import { NamedQueriesResponseSchema, QueryResultResponseSchema } from './queries';
import { defineRoute } from './route';
import {
  PreviewResponseSchema,
  TableCountsResponseSchema,
  TableDetailResponseSchema,
  TablesResponseSchema,
  TimelineResponseSchema,
} from './tables';

/** Rows a query answer holds at most, and how long it may run, unless the request asks for less. */
export const QUERY_LIMITS = { defaultRows: 1000, maxRows: 10_000, defaultTimeoutMs: 30_000, maxTimeoutMs: 120_000 };

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(z.array(item).min(1));

const queryLimits = {
  maxRows: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxRows).default(QUERY_LIMITS.defaultRows),
  timeoutMs: z.coerce.number().int().min(100).max(QUERY_LIMITS.maxTimeoutMs).default(QUERY_LIMITS.defaultTimeoutMs),
};

const timeTravel = {
  asOf: InstantOrTimeSchema.optional().describe('Read the curated tables as of this instant or time'),
  since: InstantOrTimeSchema.optional().describe('Incremental: only rows committed after this instant'),
  until: InstantOrTimeSchema.optional().describe('Incremental: up to this instant (needs since)'),
};

const databaseTable = z.object({ database: NameSchema, table: NameSchema });
const curatedTable = z.object({ table: NameSchema });

/** Every route of the platform API. The key is the typed client's method name. */
export const ROUTES = {
  health: defineRoute({
    method: 'get',
    path: '/health',
    tag: 'status',
    summary: 'Liveness: the API answers',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: z.object({
      status: z.literal('ok'),
      mode: z.enum(['live', 'static']),
      startedAt: z.number(),
      uptimeSeconds: z.number(),
    }),
  }),
  openApi: defineRoute({
    method: 'get',
    path: '/openapi.json',
    tag: 'status',
    summary: 'This API as an OpenAPI 3.1 document',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: z.record(z.string(), z.unknown()),
  }),
  status: defineRoute({
    method: 'get',
    path: '/api/status',
    tag: 'status',
    summary: 'Each component (source, CDC, ETL, catalog, CSV watch, simulator) with its health and the reason',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: PlatformStatusSchema,
    localOnly:
      'component health is watched by the local platform (autocorp up). On AWS the CloudWatch dashboard autocorp-<env> and its alarms show the DMS task, the Glue jobs and the crawlers',
  }),
  cdc: defineRoute({
    method: 'get',
    path: '/api/cdc',
    tag: 'cdc',
    summary: 'The replication slot, lag, per-table states and recent throughput',
    params: EmptyObject,
    query: z.strictObject({
      windowSeconds: z.coerce.number().int().min(1).max(86_400).default(300).describe('Throughput window'),
    }),
    body: undefined,
    answer: 'json',
    response: CdcResponseSchema,
    localOnly:
      'the CDC view reads the local slot and lake state. On AWS see the DMS task in the DMS console (table statistics) and the CDC latency on the CloudWatch dashboard autocorp-<env>',
  }),
  etlRuns: defineRoute({
    method: 'get',
    path: '/api/etl/runs',
    tag: 'etl',
    summary: 'ETL job runs, newest first: status, counts, timings, rule outcomes',
    params: EmptyObject,
    query: z.strictObject({
      job: commaList(NameSchema).optional().describe('Only these jobs (comma-separated)'),
      ...pageQuery(50, 500),
    }),
    body: undefined,
    answer: 'json',
    response: EtlRunsResponseSchema,
    localOnly:
      'run records are written by the local ETL. On AWS see the Glue workflow autocorp-<env>-lakehouse (aws glue get-job-runs --job-name <job>) and the CloudWatch dashboard',
  }),
  quarantine: defineRoute({
    method: 'get',
    path: '/api/etl/quarantine',
    tag: 'etl',
    summary: 'Quarantined rows with their rule, reason, file and line (paginated, filterable, CSV download)',
    params: EmptyObject,
    query: z.strictObject({
      job: NameSchema.optional(),
      rule: z.string().min(1).optional(),
      runId: z.string().min(1).optional(),
      file: z.string().min(1).optional().describe('Rows whose source file contains this text'),
      ...pageQuery(100, 5000),
      format: FormatSchema,
    }),
    body: undefined,
    answer: 'json-or-csv',
    response: QuarantineResponseSchema,
    localOnly:
      'quarantined rows are read from a local lake. On AWS the Glue jobs write them under processed/quarantine/<job>/ of the processed bucket (read them with Athena or aws s3 cp)',
  }),
  tables: defineRoute({
    method: 'get',
    path: '/api/tables',
    tag: 'tables',
    summary: 'The catalog per zone (raw, curated)',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: TablesResponseSchema,
  }),
  tableCounts: defineRoute({
    method: 'get',
    path: '/api/tables/counts',
    tag: 'tables',
    summary: 'Row counts per table: source (PostgreSQL) vs raw zone vs curated',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: TableCountsResponseSchema,
  }),
  table: defineRoute({
    method: 'get',
    path: '/api/tables/{database}/{table}',
    tag: 'tables',
    summary: 'One catalog table: schema, partition keys, partitions',
    params: databaseTable,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: TableDetailResponseSchema,
  }),
  timeline: defineRoute({
    method: 'get',
    path: '/api/curated/{table}/timeline',
    tag: 'tables',
    summary: 'The Hudi timeline of a curated table: instant, action, rows inserted/updated/deleted, files, bytes',
    params: curatedTable,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(10_000).default(200) }),
    body: undefined,
    answer: 'json',
    response: TimelineResponseSchema,
    localOnly:
      'Hudi timelines are read from a local lake. On AWS filter on _hoodie_commit_time in Athena (POST /api/sql)',
  }),
  preview: defineRoute({
    method: 'get',
    path: '/api/curated/{table}/preview',
    tag: 'tables',
    summary: 'The first rows of a curated table, as of a commit, or the rows written between two commits',
    params: curatedTable,
    query: z.strictObject({
      asOf: InstantSchema.optional().describe('The table as of this commit'),
      since: InstantSchema.optional().describe('Only the rows written after this commit (the changes since it)'),
      until: InstantSchema.optional().describe('...up to this commit (needs since)'),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
    }),
    body: undefined,
    answer: 'json',
    response: PreviewResponseSchema,
  }),
  namedQueries: defineRoute({
    method: 'get',
    path: '/api/queries',
    tag: 'queries',
    summary: 'The named queries with their typed parameters',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: NamedQueriesResponseSchema,
  }),
  runNamedQuery: defineRoute({
    method: 'get',
    path: '/api/queries/{name}',
    tag: 'queries',
    summary:
      'Run a named query; its parameters go in the query string beside the options (asOf, since, until, maxRows, timeoutMs, format)',
    params: z.object({ name: NameSchema }),
    query: z
      .object({ ...timeTravel, ...queryLimits, format: FormatSchema })
      .catchall(z.union([z.string(), z.number()]).describe('A parameter of the named query (see GET /api/queries)')),
    body: undefined,
    answer: 'json-or-csv',
    response: QueryResultResponseSchema,
  }),
  sql: defineRoute({
    method: 'post',
    path: '/api/sql',
    tag: 'queries',
    summary: 'Run one read-only SELECT/WITH over the curated tables (the query guard refuses anything else)',
    params: EmptyObject,
    query: z.strictObject({ format: FormatSchema }),
    body: z.strictObject({ sql: z.string().min(1).max(100_000), ...timeTravel, ...queryLimits }),
    answer: 'json-or-csv',
    response: QueryResultResponseSchema,
  }),
  metrics: defineRoute({
    method: 'get',
    path: '/api/metrics',
    tag: 'metrics',
    summary: 'Metrics history: bounded time series derived from the live events, kept on disk',
    params: EmptyObject,
    query: z.strictObject({
      series: commaList(MetricSeriesSchema).optional().describe('Comma-separated series (default all)'),
      from: z.coerce.number().int().min(0).optional().describe('ms since the epoch (default: one hour ago)'),
      to: z.coerce.number().int().min(0).optional().describe('ms since the epoch (default: now)'),
    }),
    body: undefined,
    answer: 'json',
    response: MetricsResponseSchema,
    errors: {
      '501':
        'On the aws profile none of the asked series is in CloudWatch (kind local-only): error.message names the series CloudWatch has',
    },
  }),
  events: defineRoute({
    method: 'get',
    path: '/api/events',
    tag: 'events',
    summary: 'Server-sent events: each live PlatformEvent (event name = its type), heartbeats as comments',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'event-stream',
    response: PlatformEventSchema,
    localOnly:
      'live events come from the local pipeline (autocorp up). On AWS the CloudWatch dashboard and the failure notifications (SNS) report the pipeline',
  }),
  ...CHAT_ROUTES,
} as const;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
export { ApiErrorSchema };
