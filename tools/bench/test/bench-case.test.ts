import { describe, expect, it } from 'vitest';
import { atLeast, atMost, percentile } from '../src/bench-case';
import { resultsTable } from '../src/report';

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('judges targets and prints them', () => {
    const fast = atMost('load', 42, 's', 60);
    const slow = atLeast('csv rate', 800_000, 'rows/s', 1_000_000, { ratio: 1.2, baseline: 'vs psql' });
    expect(fast.met).toBe(true);
    expect(slow.met).toBe(false);
    const table = resultsTable([{ caseName: 'generator', metrics: [fast, slow] }, { caseName: 'x', metrics: [], error: 'boom' }]);
    expect(table).toContain('<= 60 s');
    expect(table).toContain('NO');
    expect(table).toContain('1.2x vs psql');
    expect(table).toContain('FAILED');
  });
});
