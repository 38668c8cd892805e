import { describe, expect, it } from 'vitest';
import { atLeast, atMost, percentile } from '../src/bench-case';
import { resultsMarkdown, resultsTable } from '../src/report';

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
    const table = resultsTable([
      { caseName: 'generator', metrics: [fast, slow] },
      { caseName: 'x', metrics: [], error: 'boom' },
    ]);
    expect(table).toContain('<= 60 s');
    expect(table).toContain('NO');
    expect(table).toContain('1.2x vs psql');
    expect(table).toContain('FAILED');
  });

  it('writes one Markdown table per case, marking misses and failures', () => {
    const markdown = resultsMarkdown([
      {
        caseName: 'generator',
        metrics: [
          atMost('load | total', 42, 's', 60),
          atLeast('csv rate', 800_000, 'rows/s', 1_000_000, { ratio: 1.2, baseline: 'vs psql' }),
        ],
        seconds: 80,
        loadAverage: [2, 3.5],
      },
      { caseName: 'x', metrics: [], error: 'boom\n  at stack' },
    ]);
    expect(markdown).toContain('### generator (80 s, load average 2.0 -> 3.5)');
    expect(markdown).toContain('| load \\| total | 42 s | <= 60 s | yes |  |');
    expect(markdown).toContain('| csv rate | 800,000 rows/s | >= 1,000,000 rows/s | **no** | 1.2x vs psql |');
    expect(markdown).toContain('FAILED: boom');
    expect(markdown).not.toContain('at stack');
  });
});
