import { ETL_RUNS_PREFIX, type ObjectStore, etlRunRecordKey } from '@autocorp/lake-storage';
import { EtlError } from '../etl-error';
import type { JobPhaseTimes } from '../run/job-phases';

export type RunStatus = 'committed' | 'no-new-input' | 'blocked' | 'failed';

/** Outcome of one data quality rule in one run. */
export interface RuleOutcome {
  readonly rule: string;
  readonly kind: string;
  readonly level: 'row' | 'dataset';
  readonly severity: 'warn' | 'fail';
  readonly passed: boolean;
  /** Row rules: rows breaking the rule; dataset rules: what the rule measured. */
  readonly observed: number;
  /** Row rules: rows checked. */
  readonly checked?: number;
  readonly message?: string;
  /** Up to five broken rows (source file, line, raw row). */
  readonly sample?: readonly Record<string, unknown>[];
  /** What the rule compared against (reconciliation: the raw files, and the source database when given). */
  readonly basis?: string;
  /** The numbers behind the outcome (reconciliation: each count it compared). */
  readonly details?: Readonly<Record<string, number | undefined>>;
}

export interface RunCounts {
  /** Rows out of the input views (new raw rows after the latest-change collapse; CSV lines; curated rows). */
  readonly read: number;
  /** Rows handed to Hudi (upserts after precombine plus deletes). */
  readonly written: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly quarantined: number;
}

export interface RunTimings {
  readonly readMs: number;
  readonly transformMs: number;
  readonly qualityMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
}

/** What one job run did; stored under `state/etl/runs/` and returned by runJobs/listRuns. */
export interface RunReport {
  readonly runId: string;
  readonly job: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: RunCounts;
  readonly timings: RunTimings;
  /** Where the run's time went, per phase (listing, read, transform, rules, batch, reconciliation, quarantine, hudi-write, bookmark, cleanup): ms and DuckDB statements. */
  readonly phases?: JobPhaseTimes;
  readonly rules: readonly RuleOutcome[];
  /** Hudi instants committed by the run. */
  readonly instants: readonly string[];
  /** Raw files (store keys) the run read as new input. */
  readonly inputFiles: readonly string[];
  /** Raw CSV files of the job's sources taken out of its input (excludeRawFile): left in the raw zone, not read. */
  readonly excludedFiles?: readonly string[];
  /**
   * For a job with an incremental plan: whether it refreshed the affected units only (how many) or
   * rebuilt the table (and why).
   */
  readonly refresh?:
    { readonly mode: 'incremental'; readonly units: number } | { readonly mode: 'full'; readonly reason: string };
  /** Parquet file of the quarantined rows, when any. */
  readonly quarantineKey?: string;
  /** Why the run was blocked or failed. */
  readonly error?: string;
  /** The kind of the error that failed the run (EtlError kinds), and the message of its cause. */
  readonly errorKind?: string;
  readonly errorCause?: string;
}

export async function writeRunRecord(store: ObjectStore, report: RunReport): Promise<void> {
  await store.put(etlRunRecordKey(report.runId), `${JSON.stringify(report, null, 2)}\n`, {
    contentType: 'application/json',
  });
}

export interface ListRunsOptions {
  readonly store: ObjectStore;
  /** Newest runs first, at most this many (default 50). */
  readonly limit?: number;
  /** Only runs of this job. */
  readonly job?: string;
  /** Only runs of these jobs (with `job`: of any of them). */
  readonly jobs?: readonly string[];
}

/** Stored run records, newest first. */
export async function listRuns(options: ListRunsOptions): Promise<RunReport[]> {
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new EtlError('invalid-option', `listRuns limit ${String(limit)} is not a positive integer; pass e.g. 20.`);
  }
  const wanted =
    options.job === undefined && options.jobs === undefined
      ? undefined
      : new Set([...(options.job === undefined ? [] : [options.job]), ...(options.jobs ?? [])]);
  const keys: string[] = [];
  for await (const info of options.store.list(ETL_RUNS_PREFIX)) {
    if (
      info.key.endsWith('.json') &&
      (wanted === undefined || [...wanted].some((job) => info.key.includes(`-${job}-`)))
    )
      keys.push(info.key);
  }
  keys.sort();
  const newest = keys.slice(-limit).reverse();
  const reports: RunReport[] = [];
  for (const key of newest) {
    try {
      const report = JSON.parse((await options.store.getBytes(key)).toString('utf8')) as RunReport;
      if (wanted === undefined || wanted.has(report.job)) reports.push(report);
    } catch (error) {
      throw new EtlError(
        'state-corrupt',
        `Run record ${options.store.uri}/${key} is not valid JSON (${(error as Error).message}); delete it.`,
        { cause: error },
      );
    }
  }
  return reports;
}

/** A sortable run id: `<yyyyMMddHHmmssSSS>-<job>-<random>`. */
export function newRunId(job: string, now: Date = new Date()): string {
  const iso = now.toISOString();
  const stamp = iso.replace(/[-:TZ.]/g, '').slice(0, 17);
  return `${stamp}-${job}-${Math.random().toString(36).slice(2, 8)}`;
}
