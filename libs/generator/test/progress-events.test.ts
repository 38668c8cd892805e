import { rm } from 'node:fs/promises';
import type { ProgressEvent } from '@autocorp/progress';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_FILES, generate, plannedCounts } from '../src/index';

const SCALE = 0.002;
const SEED = 11;
const out = `/tmp/autocorp-generator-progress-${process.pid}`;

describe('generate progress events', () => {
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('reports one task per file step in order, counting the rows written, ending at the planned totals', async () => {
    const events: ProgressEvent[] = [];
    const summary = await generate({
      seed: SEED,
      scale: SCALE,
      out,
      targets: ['csv'],
      onProgress: (e) => events.push(e),
    });
    const planned = plannedCounts(SCALE);
    const orderRows = [CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services].reduce(
      (n, f) => n + (summary.files[f.name]?.rows ?? 0),
      0,
    );
    const steps = [
      { subject: CSV_FILES.customers.name, total: planned.customersSource },
      { subject: 'sales_orders.csv + line files', total: planned.csvOrderFileRows },
    ];
    expect(orderRows).toBe(planned.csvOrderFileRows);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['generate']));
    // The steps run one after the other: each one's events are contiguous.
    expect([...new Set(events.map((e) => e.subject))]).toEqual(steps.map((s) => s.subject));
    for (const { subject, total } of steps) {
      const own = events.filter((e) => e.subject === subject);
      expect(own[0]).toMatchObject({ phase: 'start', done: 0, total, unit: 'rows' });
      expect(own.at(-1)).toMatchObject({ phase: 'finish', done: total });
      expect(own.slice(1, -1).every((e) => e.phase === 'advance' && e.done <= total)).toBe(true);
      for (let i = 1; i < own.length; i++) expect(own[i]!.done).toBeGreaterThanOrEqual(own[i - 1]!.done);
    }
  });
});
