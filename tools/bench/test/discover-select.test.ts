import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchError } from '../src/bench-error';
import { discoverCases } from '../src/discover';
import { selectCases } from '../src/select-cases';

const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('discovering and selecting cases', () => {
  it('loads every *.bench.ts in name order and skips other files', async () => {
    const cases = await discoverCases(path.join(fixtures, 'cases'));
    expect(cases.map((c) => c.name)).toEqual(['alpha', 'beta']);
  });

  it('names a case module without a default BenchCase', async () => {
    await expect(discoverCases(path.join(fixtures, 'broken'))).rejects.toThrow(
      /no-default\.bench\.ts must default-export a BenchCase/,
    );
  });

  it('selects all, or the named ones in discovery order, and lists the known names for a typo', async () => {
    const cases = await discoverCases(path.join(fixtures, 'cases'));
    expect(selectCases(cases, undefined).map((c) => c.name)).toEqual(['alpha', 'beta']);
    expect(selectCases(cases, ['beta', 'alpha']).map((c) => c.name)).toEqual(['alpha', 'beta']);
    let error: unknown;
    try {
      selectCases(cases, ['alpah']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).kind).toBe('unknown-case');
    expect((error as BenchError).message).toContain('alpah');
    expect((error as BenchError).message).toContain('Pick from: alpha, beta');
  });
});
