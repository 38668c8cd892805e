import type { ScaleDataset } from './scale-dataset';

/** One measured number of a benchmark case. */
export interface BenchMetric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target the issue sets, e.g. "< 60 s" or ">= 1M rows/s"; shown next to the value. */
  readonly target?: string;
  /** Whether the target holds (undefined when there is no target). */
  readonly met?: boolean;
  /** value divided by a baseline measured in the same process, where one exists. */
  readonly ratio?: number;
  readonly baseline?: string;
}

export interface BenchContext {
  /** Generator scale requested with --scale (default 1). */
  readonly scale: number;
  /** A scratch folder for this case, removed afterwards. */
  readonly workDir: string;
  readonly log: (line: string) => void;
  /**
   * The scale-N business (CSV export + loaded throwaway PostgreSQL), generated once per bench run
   * on the first call and stopped after the last case. Leave it as you found it.
   */
  readonly dataset: () => Promise<ScaleDataset>;
}

export interface BenchCase {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<BenchMetric[]>;
}

function formatLimit(limit: number): string {
  return limit.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A metric without a target (context for the others). */
export function measured(name: string, value: number, unit: string, extra: Partial<BenchMetric> = {}): BenchMetric {
  return { name, value, unit, ...extra };
}

/** A metric with a `<=` target. */
export function atMost(
  name: string,
  value: number,
  unit: string,
  limit: number,
  extra: Partial<BenchMetric> = {},
): BenchMetric {
  return { name, value, unit, target: `<= ${formatLimit(limit)} ${unit}`, met: value <= limit, ...extra };
}

/** A metric with a `>=` target. */
export function atLeast(
  name: string,
  value: number,
  unit: string,
  limit: number,
  extra: Partial<BenchMetric> = {},
): BenchMetric {
  return { name, value, unit, target: `>= ${formatLimit(limit)} ${unit}`, met: value >= limit, ...extra };
}

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
