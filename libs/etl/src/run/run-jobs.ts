import { DEFAULT_CDC_SLOT, type ObjectStore } from '@autocorp/lake-storage';
import { type ProgressListener, startProgress } from '@autocorp/progress';
import { EtlDuckDb, type EtlDuckDbOptions } from '../duckdb/etl-duckdb';
import { EtlError } from '../etl-error';
import { type CommittedPosition, readCommittedPosition } from '../raw/cdc-position';
import { listExcludedFiles } from '../state/file-exclusions';
import { type RunReport, newRunId, writeRunRecord } from '../state/run-records';
import { jobsInRunOrder } from './job-order';
import { runJob } from './run-job';

export interface RunJobsOptions {
  /** The lake (must be a local `file://` store for the local runner). */
  readonly store: ObjectStore;
  /** Jobs to run (with everything they depend on); default all ten. */
  readonly jobs?: readonly string[];
  /** The CDC slot whose committed position bounds the raw database files; default `autocorp_cdc`. */
  readonly cdcSlot?: string;
  /**
   * Receives progress: an `etl` task counting the jobs done (subject "jobs"), and each Hudi write's
   * `hudi-write` task. The library draws nothing.
   */
  readonly onProgress?: ProgressListener;
  readonly duckdb?: EtlDuckDbOptions;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /**
   * The source database's row count of a table. When given, the `reconciles` rule of each job that
   * reads a table as changes also compares it with the curated rows from PostgreSQL; give it only
   * when the CDC has committed the source's latest changes (else the counts differ by what is pending).
   */
  readonly sourceRowCount?: (table: string) => Promise<number>;
  /**
   * Rebuild the analytics tables whole (insert_overwrite_table) instead of refreshing the rows their
   * sources' changes affect. A job's first run is always a full build.
   */
  readonly full?: boolean;
  /**
   * Jobs to run before the others (with what they depend on), so that their tables commit first;
   * default none (dependency order only). Names not among the selected jobs are ignored.
   */
  readonly firstJobs?: readonly string[];
  /**
   * Run only the jobs named in `jobs`, not what they depend on (their sources are read as last
   * committed); default false.
   */
  readonly withoutDependencies?: boolean;
  /**
   * Read the raw database files up to this CDC position instead of the slot's committed one (it must
   * be at or below it: readCommittedPosition), so that jobs run in several calls read the same changes.
   */
  readonly committed?: CommittedPosition;
  /**
   * Jobs that did not commit in an earlier call of the same cycle: the jobs depending on them are
   * reported `blocked`, as if they had failed in this run.
   */
  readonly notCommitted?: ReadonlySet<string>;
}

/**
 * Runs jobs in dependency order (`firstJobs` ahead) and returns one report per job. A job whose dependency was blocked
 * or failed in this run is not run (reported `blocked`), so no table is built on a stale input.
 */
export async function runJobs(options: RunJobsOptions): Promise<RunReport[]> {
  if (options.store.localPath('state') === undefined) {
    throw new EtlError(
      'unsupported-store',
      `The lake ${options.store.uri} is not local; the local ETL runner needs a file:// lake (on AWS the Glue jobs run instead).`,
    );
  }
  let jobs;
  try {
    jobs = jobsInRunOrder(options.jobs, options.firstJobs, !options.withoutDependencies);
  } catch (error) {
    throw new EtlError('unknown-job', (error as Error).message, { cause: error });
  }
  const committed =
    options.committed ?? (await readCommittedPosition(options.store, options.cdcSlot ?? DEFAULT_CDC_SLOT));
  const excludedFiles = new Set((await listExcludedFiles(options.store)).map((e) => e.key));
  const progress = startProgress(options.onProgress, {
    stage: 'etl',
    subject: 'jobs',
    unit: 'jobs',
    total: jobs.length,
  });
  const db = await EtlDuckDb.open(options.duckdb);
  const reports: RunReport[] = [];
  const notCommitted = new Set<string>(options.notCommitted);
  try {
    for (const job of jobs) {
      const upstream = job.dependsOn.find((dep) => notCommitted.has(dep));
      if (upstream) {
        const now = (options.now ?? (() => new Date()))();
        const skipped: RunReport = {
          runId: newRunId(job.name, now),
          job: job.name,
          status: 'blocked',
          startedAt: now.toISOString(),
          finishedAt: now.toISOString(),
          counts: { read: 0, written: 0, inserted: 0, updated: 0, deleted: 0, quarantined: 0 },
          timings: { readMs: 0, transformMs: 0, qualityMs: 0, writeMs: 0, totalMs: 0 },
          rules: [],
          instants: [],
          inputFiles: [],
          error: `ETL job ${job.name} did not run: the job ${upstream} it depends on did not commit in this run. Fix ${upstream} first.`,
        };
        await writeRunRecord(options.store, skipped);
        reports.push(skipped);
        notCommitted.add(job.name);
      } else {
        const report = await runJob({
          db,
          store: options.store,
          job,
          committed,
          excludedFiles,
          ...(options.now ? { now: options.now } : {}),
          ...(options.sourceRowCount ? { sourceRowCount: options.sourceRowCount } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.full ? { full: true } : {}),
        });
        reports.push(report);
        if (report.status === 'blocked' || report.status === 'failed') notCommitted.add(job.name);
      }
      progress.advance(1);
    }
  } finally {
    progress.finish();
    await db.close();
  }
  return reports;
}
