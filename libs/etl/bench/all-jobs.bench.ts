import path from 'node:path';
import { runJobs } from '../src/index';
import { type EtlBenchOptions, secondsSince } from './bench-timer';
import { generatedLake } from './generated-lake';

export interface AllJobsBenchResult {
  readonly scale: number;
  /** Wall time of the ten jobs, raw to curated. */
  readonly seconds: number;
  readonly jobs: readonly {
    readonly job: string;
    readonly status: string;
    readonly seconds: number;
    readonly written: number;
    /** Seconds per phase: read, transform, quality, write. */
    readonly phases: {
      readonly read: number;
      readonly transform: number;
      readonly quality: number;
      readonly write: number;
    };
  }[];
}

/**
 * All ten jobs from raw to curated at `scale`: generate, CDC full load and CSV transfer first (untimed),
 * then one timed `runJobs`.
 */
export async function allJobsBench(options: EtlBenchOptions): Promise<AllJobsBenchResult> {
  const lake = await generatedLake({
    scale: options.scale,
    folder: path.join(options.workDir, 'all-jobs'),
    ...(options.log ? { log: options.log } : {}),
    ...(options.business ? { business: options.business } : {}),
  });
  try {
    const start = performance.now();
    const reports = await runJobs({ store: lake.store, cdcSlot: lake.cdcSlot });
    const seconds = secondsSince(start);
    const failed = reports.filter((r) => r.status !== 'committed');
    if (failed.length > 0)
      throw new Error(
        `ETL jobs did not commit: ${failed.map((r) => `${r.job} ${r.status} ${r.error ?? ''}`).join('; ')}`,
      );
    return {
      scale: options.scale,
      seconds,
      jobs: reports.map((r) => ({
        job: r.job,
        status: r.status,
        seconds: r.timings.totalMs / 1000,
        written: r.counts.written,
        phases: {
          read: r.timings.readMs / 1000,
          transform: r.timings.transformMs / 1000,
          quality: r.timings.qualityMs / 1000,
          write: r.timings.writeMs / 1000,
        },
      })),
    };
  } finally {
    await lake.close();
  }
}
