import type { BenchCase } from './bench-case';
import { BenchError } from './bench-error';

/** The cases named (all when none), in discovery order; an unknown name fails with the known ones listed. */
export function selectCases(all: readonly BenchCase[], names: readonly string[] | undefined): BenchCase[] {
  if (names === undefined || names.length === 0) return [...all];
  const unknown = names.filter((name) => !all.some((c) => c.name === name));
  if (unknown.length > 0) {
    throw new BenchError(
      'unknown-case',
      `Unknown bench case(s): ${unknown.join(', ')}. Pick from: ${all.map((c) => c.name).join(', ')} (see --list).`,
    );
  }
  return all.filter((c) => names.includes(c.name));
}
