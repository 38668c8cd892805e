import path from 'node:path';
import { HudiTable } from '@autocorp/hudi';
import type { ProgressEvent } from '@autocorp/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunReport, runJobs } from '../src/index';
import { fixtureLake } from './lake-fixture';

let lake: Awaited<ReturnType<typeof fixtureLake>>;
const events: ProgressEvent[] = [];
let reports: RunReport[];

beforeAll(async () => {
  lake = await fixtureLake();
  reports = await runJobs({ store: lake.store, jobs: ['sales_order_parts'], onProgress: (e) => events.push(e) });
}, 120_000);

afterAll(async () => {
  await lake.remove();
});

/** Base files the commit of `instant` wrote, from the table's own timeline. */
async function filesOfCommit(table: string, instant: string): Promise<number> {
  const hudi = await HudiTable.open(path.join(lake.root, 'curated', table));
  const completed = hudi.timeline.completedWrites().find((i) => i.timestamp === instant);
  if (!completed) throw new Error(`no completed write ${instant} on ${table}`);
  return Object.values((await hudi.timeline.commitMetadata(completed)).partitionToWriteStats).flat().length;
}

describe('runJobs progress events', () => {
  it('counts the jobs in order, one advance per job, with each job’s Hudi writes reported before its advance', async () => {
    expect(reports.every((r) => r.status === 'committed')).toBe(true);
    const etl = events.filter((e) => e.stage === 'etl');
    expect(etl.map((e) => [e.phase, e.done, e.total, e.unit, e.subject])).toEqual([
      ['start', 0, reports.length, 'jobs', 'jobs'],
      ...reports.map((_, i) => ['advance', i + 1, reports.length, 'jobs', 'jobs']),
      ['finish', reports.length, reports.length, 'jobs', 'jobs'],
    ]);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['etl', 'hudi-write']));

    // Between the advance of job i-1 and of job i come exactly the Hudi writes of job i, one task per instant.
    const advances = events.flatMap((e, i) => (e.stage === 'etl' && e.phase === 'advance' ? [i] : []));
    for (const [i, report] of reports.entries()) {
      const from = i === 0 ? 0 : advances[i - 1]!;
      const writes = events.slice(from, advances[i]).filter((e) => e.stage === 'hudi-write');
      const finishes = writes.filter((e) => e.phase === 'finish');
      expect(finishes.length, report.job).toBe(report.instants.length);
      expect(writes.filter((e) => e.phase === 'start').length, report.job).toBe(report.instants.length);
      for (const [n, instant] of report.instants.entries()) {
        expect(finishes[n]!.subject, report.job).toMatch(new RegExp(` ${report.job}$`));
        expect(finishes[n]!.done, `${report.job} ${instant}`).toBe(await filesOfCommit(report.job, instant));
      }
    }
    expect(reports.some((r) => r.instants.length > 0)).toBe(true);
  });
});
