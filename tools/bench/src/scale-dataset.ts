import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type GenerationSummary, generate } from '@autocorp/generator';
import { type ThrowawayPostgres, migrate, startThrowawayPostgres } from '@autocorp/source-db';
import { drawProgress } from '@autocorp/terminal';
import pg from 'pg';
import { BenchError } from './bench-error';
import { withPeakRss } from './rss-sampler';

/** The seed every bench generates with, so runs are comparable. */
export const BENCH_SEED = 42;

/**
 * The business at one scale, generated once per bench run: the CSV export and a throwaway
 * PostgreSQL loaded with the same seed, both at once (the generator's default).
 * Cases must leave both as they found them (read the CSV folder only; undo changes to the tables).
 */
export interface ScaleDataset {
  readonly scale: number;
  readonly seed: number;
  /** The generator's CSV export folder (data files at the top, answer keys under manifest/). */
  readonly csvDir: string;
  /** The throwaway server holding the seven source tables. */
  readonly postgres: ThrowawayPostgres;
  /** A small pool on that server for the cases' own statements. */
  readonly pool: pg.Pool;
  /** What generate() reported (rows, bytes and seconds per table and file). */
  readonly generation: GenerationSummary;
  /** Peak resident memory of this process during the generation, sampled. */
  readonly generationPeakRssBytes: number;
}

export interface ScaleDatasetProvider {
  /** The dataset, generated on the first call. */
  get(): Promise<ScaleDataset>;
  /** Stops the server and deletes the folder; safe when never generated, safe twice. */
  stop(): Promise<void>;
}

/** A lazily generated dataset under `root` (a folder this provider owns and removes). */
export function scaleDatasetProvider(options: {
  readonly root: string;
  readonly scale: number;
  readonly log: (line: string) => void;
}): ScaleDatasetProvider {
  let pending: Promise<ScaleDataset> | undefined;
  let server: ThrowawayPostgres | undefined;
  let pool: pg.Pool | undefined;
  const create = async (): Promise<ScaleDataset> => {
    const csvDir = path.join(options.root, 'csv');
    await mkdir(csvDir, { recursive: true });
    options.log(`dataset: starting a throwaway PostgreSQL and generating scale ${options.scale} (CSV + PostgreSQL)`);
    server = await startThrowawayPostgres();
    pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
    // A client still checked out when the server stops must not crash the process.
    pool.on('error', () => undefined);
    await migrate({ pool, displayAddress: server.url });
    const activePool = pool;
    const { result: generation, peakRssBytes } = await withPeakRss(() =>
      generate({
        seed: BENCH_SEED,
        scale: options.scale,
        out: csvDir,
        targets: ['csv', 'postgres'],
        pool: activePool,
        onProgress: drawProgress(),
      }),
    );
    await pool.query('VACUUM ANALYZE');
    options.log(`dataset: generated in ${generation.seconds.total.toFixed(1)} s`);
    return {
      scale: options.scale,
      seed: BENCH_SEED,
      csvDir,
      postgres: server,
      pool,
      generation,
      generationPeakRssBytes: peakRssBytes,
    };
  };
  return {
    get() {
      pending ??= create().catch((error: unknown) => {
        throw new BenchError(
          'dataset-failed',
          `Generating the scale-${options.scale} bench dataset failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      });
      return pending;
    },
    async stop() {
      await pool?.end().catch(() => undefined);
      pool = undefined;
      await server?.stop();
      server = undefined;
      await rm(options.root, { recursive: true, force: true });
    },
  };
}
