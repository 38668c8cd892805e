import type { ExistingBusiness } from './generated-lake';

/** Seconds since `start` (a performance.now() value), rounded to milliseconds. */
export function secondsSince(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}

/** What every ETL bench takes: the scale, a scratch folder, a log, and optionally a business to reuse. */
export interface EtlBenchOptions {
  readonly scale: number;
  readonly workDir: string;
  readonly log?: (line: string) => void;
  /** A generated business to reuse (left as found); without it one is generated. */
  readonly business?: ExistingBusiness;
}
