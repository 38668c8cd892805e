import path from 'node:path';
import { openObjectStore } from '@autocorp/lake-storage';
import { findFreePort, openSourceDb } from '@autocorp/source-db';
import { type BenchCase, type BenchMetric, atMost, measured, percentile } from '../bench-case';
import { runCommand } from '../run-command';
import { type ChangePath, jobPhaseMeans, traceChangePaths } from './change-path';
import { measureFreshness } from './freshness-probe';
import { REPO_ROOT, startUp } from './up-process';

/** The issue's load: `autocorp up --simulate 100`. */
const SIMULATED_ORDERS_PER_SECOND = 100;
const STAMPS = 40;
const STAMP_EVERY_MS = 500;
const POLL_EVERY_MS = 100;
const GIVE_UP_MS = 60_000;
/** The seed's promise (15 minutes source to queryable); DMS batches every 60 s. */
const SEED_PROMISE_S = 15 * 60;
const DMS_BATCH_S = 60;

export interface FreshnessTargets {
  readonly startupS?: number;
  readonly salesOrderP50S?: number;
  readonly salesOrderP99S: number;
  readonly factP99S: number;
}

function latencyMetrics(table: string, latencies: number[], committed: number, p50?: number, p99?: number) {
  const p99Value = percentile(latencies, 99);
  const vs = { ratio: p99Value / SEED_PROMISE_S, baseline: `the seed's 15 min (DMS: ${DMS_BATCH_S} s batches)` };
  return [
    atMost(`stamps never visible in curated ${table}`, committed - latencies.length, 'rows', 0),
    p50 === undefined
      ? measured(`commit to visible in curated ${table}, p50`, percentile(latencies, 50), 's')
      : atMost(`commit to visible in curated ${table}, p50`, percentile(latencies, 50), 's', p50),
    measured(`commit to visible in curated ${table}, p95`, percentile(latencies, 95), 's'),
    p99 === undefined
      ? measured(`commit to visible in curated ${table}, p99`, p99Value, 's', vs)
      : atMost(`commit to visible in curated ${table}, p99`, p99Value, 's', p99, vs),
  ];
}

/**
 * A freshness case: `autocorp up --simulate 100` at `scale` from a fresh state folder, then orders
 * stamped in PostgreSQL and polled in curated sales_order and sales_order_fact through the API.
 */
export function freshnessCase(name: string, scale: number, targets: FreshnessTargets): BenchCase {
  return {
    name,
    description: `autocorp up --simulate ${SIMULATED_ORDERS_PER_SECOND} at scale ${scale}: ${STAMPS} orders stamped in PostgreSQL, polled in curated sales_order and sales_order_fact through the platform API (POST /api/sql); start time, commit-to-visible p50/p95/p99, CDC rows/s, ETL job times`,
    async run(context): Promise<BenchMetric[]> {
      context.log('building the CLI (npx nx run orchestrator:build, cached)');
      await runCommand('npx', ['nx', 'run', 'orchestrator:build', '--outputStyle=static'], {
        cwd: REPO_ROOT,
        env: { ...process.env, NX_DAEMON: 'false' },
      });
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        AUTOCORP_HOME: path.join(context.workDir, 'home'),
        AUTOCORP_PG_PORT: String(await findFreePort()),
        AUTOCORP_API_PORT: '0',
        AUTOCORP_SCALE: String(scale),
        CI: 'true',
      };
      delete env.DATABASE_URL;
      delete env.LAKE_URI;
      context.log(`autocorp up --simulate ${SIMULATED_ORDERS_PER_SECOND} at scale ${scale} (fresh state)`);
      const up = startUp(['--simulate', String(SIMULATED_ORDERS_PER_SECOND), '--seed', '7'], env);
      try {
        const { url, seconds: startup } = await up.ready;
        const db = await openSourceDb({ env, cwd: REPO_ROOT });
        try {
          const result = await measureFreshness({
            url,
            pool: db.pool,
            stamps: STAMPS,
            stampEveryMs: STAMP_EVERY_MS,
            pollEveryMs: POLL_EVERY_MS,
            giveUpMs: GIVE_UP_MS,
          });
          for (const j of result.jobs)
            context.log(`  ${j.job}: ${j.runs} commits, mean ${j.meanS.toFixed(2)} s, max ${j.maxS.toFixed(2)} s`);
          const store = openObjectStore(undefined, { env, cwd: REPO_ROOT });
          const paths = await traceChangePaths(store, result.stamps);
          for (const phase of await jobPhaseMeans(store, result.startedAt))
            context.log(
              `  phases of ${phase.job} (${phase.runs} commits, mean ms/statements): ${Object.entries(phase.phases)
                .map(([name, t]) => `${name} ${t.ms.toFixed(0)}/${t.statements.toFixed(0)}`)
                .join(', ')}`,
            );
          return [
            targets.startupS === undefined
              ? measured('start to a running platform with data and the API (after the build)', startup, 's')
              : atMost(
                  'start to a running platform with data and the API (after the build)',
                  startup,
                  's',
                  targets.startupS,
                ),
            measured('stamps committed', result.committed, 'rows'),
            ...latencyMetrics(
              'sales_order',
              result.salesOrder,
              result.committed,
              targets.salesOrderP50S,
              targets.salesOrderP99S,
            ),
            ...latencyMetrics('sales_order_fact', result.salesOrderFact, result.committed, undefined, targets.factP99S),
            measured('CDC rows captured per second during the stamps', result.cdcRowsPerSecond, 'rows/s'),
            measured('API poll of both tables (one POST /api/sql), p50', percentile([...result.pollMs], 50), 'ms'),
            measured('API poll of both tables (one POST /api/sql), p95', percentile([...result.pollMs], 95), 'ms'),
            ...changePathMetrics(paths),
            ...result.jobs.map((j) =>
              measured(`ETL job ${j.job}, mean time per commit (${j.runs} commits)`, j.meanS, 's'),
            ),
          ];
        } finally {
          await db.close();
        }
      } finally {
        await up.stop();
      }
    },
  };
}

const SEGMENTS: readonly [keyof ChangePath, string][] = [
  ['cdcCut', 'commit to raw CDC file written'],
  ['waitForRun', 'raw file to the start of the run reading it'],
  ['jobsAhead', 'run start to the sales_order job'],
  ['salesOrderJob', 'the sales_order job'],
  ['salesOrderSeen', 'sales_order committed to seen through the API'],
  ['waitForAnalytics', 'sales_order committed to the sales_order_fact job'],
  ['factJobToSeen', 'the sales_order_fact job start to seen through the API'],
];

/** The traced stamps' path, segment by segment (mean and p95 seconds). */
function changePathMetrics(paths: readonly ChangePath[]): BenchMetric[] {
  return [
    measured('stamps traced through the lake (raw file, job runs)', paths.length, 'rows'),
    ...SEGMENTS.flatMap(([segment, label]) => {
      const values = paths.flatMap((p) => (p[segment] === undefined ? [] : [(p[segment] as number) / 1000]));
      if (values.length === 0) return [];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return [
        measured(`change path: ${label}, mean`, mean, 's'),
        measured(`change path: ${label}, p95`, percentile(values, 95), 's'),
      ];
    }),
  ];
}
