import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ProgressListener } from '@autocorp/progress';
import type { Pool } from 'pg';
import { GeneratorError } from './generator-error';
import { assertScale } from './scale';

export const TARGETS = ['postgres', 'csv'] as const;
export type GenerationTarget = (typeof TARGETS)[number];

export interface GenerateOptions {
  /** Any safe integer; the same seed and scale give byte-identical files and identical tables. */
  readonly seed: number;
  /** Positive; volumes are the scale-1 figures times scale, rounded, at least 1. */
  readonly scale: number;
  /** Output folder of the CSV export (created if missing); required with the csv target. */
  readonly out?: string;
  readonly targets: readonly GenerationTarget[];
  /** Connection pool of the source database; required with the postgres target. */
  readonly pool?: Pool;
  /** Receives rows generated per file and table (stage `generate`; one shared task when both targets run at once). The library draws nothing. */
  readonly onProgress?: ProgressListener;
  /** Truncate non-empty source tables (same transaction) instead of refusing to load. */
  readonly replace?: boolean;
  /** Run the PostgreSQL load and the CSV export at the same time (default true). */
  readonly concurrent?: boolean;
}

export interface ValidatedOptions {
  readonly seed: number;
  readonly scale: number;
  readonly out: string | undefined;
  readonly postgres: boolean;
  readonly csv: boolean;
  readonly pool: Pool | undefined;
  readonly onProgress: ProgressListener | undefined;
  readonly replace: boolean;
  readonly concurrent: boolean;
}

/** Checks every option and names the offending value; creates and probes the output folder. */
export async function validateOptions(options: GenerateOptions): Promise<ValidatedOptions> {
  const { seed, scale, targets } = options;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new GeneratorError('invalid-seed', `seed ${String(seed)} is not an integer; pass a whole number such as 42`);
  }
  assertScale(scale);
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new GeneratorError(
      'invalid-target',
      `targets ${JSON.stringify(targets)} is empty; pass ['postgres'], ['csv'] or both`,
    );
  }
  for (const target of targets) {
    if (!(TARGETS as readonly string[]).includes(target)) {
      throw new GeneratorError(
        'invalid-target',
        `target ${JSON.stringify(target)} is unknown; use 'postgres' or 'csv'`,
      );
    }
  }
  const postgres = targets.includes('postgres');
  const csv = targets.includes('csv');
  if (postgres && !options.pool) {
    throw new GeneratorError(
      'missing-pool',
      "the 'postgres' target needs a pool; pass pool: a pg.Pool connected to the source database",
    );
  }
  let out: string | undefined;
  if (csv) {
    if (typeof options.out !== 'string' || options.out.trim() === '') {
      throw new GeneratorError('invalid-output', "the 'csv' target needs an output folder; pass out: '<folder>'");
    }
    out = resolve(options.out);
    await assertWritableFolder(out);
  }
  return {
    seed,
    scale,
    out,
    postgres,
    csv,
    pool: options.pool,
    onProgress: options.onProgress,
    replace: options.replace ?? false,
    concurrent: options.concurrent ?? true,
  };
}

async function assertWritableFolder(folder: string): Promise<void> {
  const probe = join(folder, '.autocorp-generator-probe');
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GeneratorError(
      'invalid-output',
      `output folder ${folder} cannot be created or written (${reason}); pass a writable folder as out`,
      { cause: error },
    );
  }
}
