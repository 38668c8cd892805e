import { stat } from 'node:fs/promises';
import path from 'node:path';
import { quoteLiteral, withDuckDb } from '@autocorp/duckdb';
import { type RunReport, listRuns } from '@autocorp/etl';
import { type ObjectStore, rawDatabasePrefix } from '@autocorp/lake-storage';
import { BenchError } from '../bench-error';

/** One stamp as the probe saw it (epoch ms). */
export interface StampTimes {
  readonly notes: string;
  readonly committedAt: number;
  readonly salesOrderVisibleAt?: number;
  readonly factVisibleAt?: number;
}

/** Where one change's time went on its way to curated sales_order and sales_order_fact (ms). */
export interface ChangePath {
  /** Commit to its raw CDC file written (the CDC time cut and the file write). */
  readonly cdcCut: number;
  /** Raw file written to the start of the operational run that read it (debounce, the run in progress, run set-up). */
  readonly waitForRun: number;
  /** Run start to the sales_order job's start (the jobs ahead: customers). */
  readonly jobsAhead: number;
  /** The sales_order job. */
  readonly salesOrderJob: number;
  /** sales_order committed to the probe seeing it (the API query and the poll interval). */
  readonly salesOrderSeen: number;
  /** sales_order committed to the start of the sales_order_fact job that read it. */
  readonly waitForAnalytics?: number;
  /** That job's start to the probe seeing the change (its commit lands before the job's bookkeeping ends). */
  readonly factJobToSeen?: number;
}

const at = (iso: string) => Date.parse(iso);

/**
 * Follows each stamp through the lake after the run: the raw CDC file of pg_sales_order holding it
 * (its mtime is when it was written), the sales_order run that read that file (from the run records),
 * the operational run it belonged to (it starts with `customers`, which the live micro-batch runs
 * first), and the first sales_order_fact run after it. Stamps the lake cannot place are left out.
 */
export async function traceChangePaths(store: ObjectStore, stamps: readonly StampTimes[]): Promise<ChangePath[]> {
  const prefix = rawDatabasePrefix('sales_order');
  const folder = store.localPath(`${prefix}x`);
  if (folder === undefined)
    throw new BenchError('invalid-argument', `The change-path trace needs a local lake, not ${store.uri}.`);
  const notes = stamps.map((s) => quoteLiteral(s.notes)).join(', ');
  const fileOf = await withDuckDb({}, async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT notes, min(filename) AS file FROM read_parquet(${quoteLiteral(path.join(path.dirname(folder), '*.parquet'))}, filename = true, union_by_name = true) WHERE notes IN (${notes}) GROUP BY notes`,
    );
    return new Map(reader.getRowsJS().map(([n, f]) => [String(n), String(f)]));
  });
  const runs = (await listRuns({ store, limit: 5000 })).filter((r) => r.status === 'committed');
  const byJob = (job: string) => runs.filter((r) => r.job === job).sort((a, b) => at(a.startedAt) - at(b.startedAt));
  const salesOrder = byJob('sales_order');
  const customers = byJob('customers');
  const facts = byJob('sales_order_fact');
  const paths: ChangePath[] = [];
  for (const stamp of stamps) {
    const file = fileOf.get(stamp.notes);
    if (file === undefined || stamp.salesOrderVisibleAt === undefined) continue;
    const key = `${prefix}${path.basename(file)}`;
    const job = salesOrder.find((r) => r.inputFiles.includes(key));
    if (!job) continue;
    const written = (await stat(file)).mtimeMs;
    const runStart = customers.filter((r) => at(r.startedAt) <= at(job.startedAt)).at(-1)?.startedAt ?? job.startedAt;
    const fact = facts.find((r) => at(r.startedAt) >= at(job.finishedAt));
    paths.push({
      cdcCut: written - stamp.committedAt,
      waitForRun: at(runStart) - written,
      jobsAhead: at(job.startedAt) - at(runStart),
      salesOrderJob: at(job.finishedAt) - at(job.startedAt),
      salesOrderSeen: stamp.salesOrderVisibleAt - at(job.finishedAt),
      ...(fact && stamp.factVisibleAt !== undefined
        ? {
            waitForAnalytics: at(fact.startedAt) - at(job.finishedAt),
            factJobToSeen: stamp.factVisibleAt - at(fact.startedAt),
          }
        : {}),
    });
  }
  return paths;
}

/** Mean ms and DuckDB statements per phase of each job's committed runs that started at or after `since`. */
export async function jobPhaseMeans(
  store: ObjectStore,
  since: number,
): Promise<{ job: string; runs: number; phases: Record<string, { ms: number; statements: number }> }[]> {
  const runs: RunReport[] = (await listRuns({ store, limit: 5000 })).filter(
    (r) => r.status === 'committed' && at(r.startedAt) >= since && r.phases !== undefined,
  );
  const jobs = [...new Set(runs.map((r) => r.job))];
  return jobs.map((job) => {
    const mine = runs.filter((r) => r.job === job);
    const phases: Record<string, { ms: number; statements: number }> = {};
    for (const run of mine)
      for (const [name, t] of Object.entries(run.phases ?? {})) {
        const sum = phases[name] ?? { ms: 0, statements: 0 };
        phases[name] = { ms: sum.ms + t.ms / mine.length, statements: sum.statements + t.statements / mine.length };
      }
    return { job, runs: mine.length, phases };
  });
}
