import path from 'node:path';
import type pg from 'pg';
import { ANALYTICS_JOB_NAMES, OPERATIONAL_JOB_NAMES } from '@autocorp/etl-jobs';
import { type RunReport, runJobs } from '../src/index';
import { type EtlBenchOptions, secondsSince } from './bench-timer';
import { generatedLake } from './generated-lake';
import { BATCH_CHANGES, applyChangeBatch, prepareChangeBatch, undoChangeBatch } from './change-batch';
import { tableFingerprints } from './table-fingerprint';

export interface IncrementalAnalyticsBenchResult {
  readonly scale: number;
  readonly changes: number;
  /** runJobs of the three analytics jobs (their operational dependencies have nothing new) after the batch. */
  readonly incrementalSeconds: number;
  /** The same, rebuilding the three tables whole (`full`), in the same process. */
  readonly fullSeconds: number;
  readonly jobs: readonly {
    readonly job: string;
    readonly units: number;
    readonly incrementalSeconds: number;
    readonly fullSeconds: number;
    readonly written: number;
  }[];
  /** Whether the incremental tables equal the rebuilt ones (row count and a hash of every column). */
  readonly identical: boolean;
}

/**
 * A 10,000-change batch (order updates, new orders with lines, order and line deletes, line updates,
 * customer state changes, part price changes; one transaction, streamed by CDC) applied to the
 * operational tables (untimed), then the three analytics jobs timed incrementally and as a full
 * rebuild. PostgreSQL is put back as it was afterwards.
 */
export async function incrementalAnalyticsBench(options: EtlBenchOptions): Promise<IncrementalAnalyticsBenchResult> {
  const log = options.log ?? (() => undefined);
  const lake = await generatedLake({
    scale: options.scale,
    folder: path.join(options.workDir, 'incremental-analytics'),
    log,
    ...(options.business ? { business: options.business } : {}),
  });
  const run = async (jobs: readonly string[], full = false): Promise<RunReport[]> => {
    const reports = await runJobs({ store: lake.store, cdcSlot: lake.cdcSlot, jobs, full });
    const bad = reports.filter((r) => r.status === 'blocked' || r.status === 'failed');
    if (bad.length > 0)
      throw new Error(`ETL jobs did not commit: ${bad.map((r) => `${r.job}: ${r.error}`).join('; ')}`);
    return reports;
  };
  const pool: pg.Pool = lake.pool;
  const batch = await prepareChangeBatch(pool);
  let applied = false;
  try {
    let start = performance.now();
    await run([...OPERATIONAL_JOB_NAMES, ...ANALYTICS_JOB_NAMES]);
    log(`built all ten tables in ${secondsSince(start)} s`);
    await applyChangeBatch(pool, batch, 'setup');
    await lake.cdc();
    await run([...OPERATIONAL_JOB_NAMES, ...ANALYTICS_JOB_NAMES]);
    log('applied the setup changes (orders and lines the batch deletes)');

    await applyChangeBatch(pool, batch, 'batch');
    applied = true;
    await lake.cdc();
    start = performance.now();
    await run([...OPERATIONAL_JOB_NAMES]);
    log(`operational jobs on the batch in ${secondsSince(start)} s (untimed)`);

    start = performance.now();
    const incremental = await run([...ANALYTICS_JOB_NAMES]);
    const incrementalSeconds = secondsSince(start);
    for (const r of incremental)
      if (r.refresh) log(`${r.job} ${JSON.stringify(r.refresh)} ${JSON.stringify(r.timings)}`);
    const afterIncremental = await tableFingerprints(lake.lakeRoot);
    start = performance.now();
    const full = await run([...ANALYTICS_JOB_NAMES], true);
    const fullSeconds = secondsSince(start);
    const afterFull = await tableFingerprints(lake.lakeRoot);
    const identical = JSON.stringify(afterIncremental) === JSON.stringify(afterFull);
    log(`tables after incremental ${JSON.stringify(afterIncremental)}; after full ${JSON.stringify(afterFull)}`);
    return {
      scale: options.scale,
      changes: BATCH_CHANGES,
      incrementalSeconds,
      fullSeconds,
      identical,
      jobs: ANALYTICS_JOB_NAMES.map((job) => {
        const inc = incremental.find((r) => r.job === job);
        const reb = full.find((r) => r.job === job);
        return {
          job,
          units: inc?.refresh?.mode === 'incremental' ? inc.refresh.units : -1,
          incrementalSeconds: (inc?.timings.totalMs ?? 0) / 1000,
          fullSeconds: (reb?.timings.totalMs ?? 0) / 1000,
          written: inc?.counts.written ?? 0,
        };
      }),
    };
  } finally {
    try {
      await undoChangeBatch(pool, batch, applied);
    } finally {
      await lake.close();
    }
  }
}
