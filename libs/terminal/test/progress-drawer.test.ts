import { PassThrough } from 'node:stream';
import { type ProgressEvent, startProgress } from '@autocorp/progress';
import { describe, expect, it } from 'vitest';
import { drawProgress } from '../src/index';

function captureStream(isTTY: boolean) {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean };
  stream.isTTY = isTTY;
  const writes: string[] = [];
  const original = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    writes.push(chunk);
    return original(chunk);
  }) as typeof stream.write;
  return { stream, writes };
}

/** A clock that moves `step` ms per reading, starting at `start`. */
function steppingClock(start: number, step: number): () => number {
  let now = start - step;
  return () => (now += step);
}

describe('drawProgress', () => {
  it('draws start, advances at most every 100 ms of event time, and the finish with a newline', () => {
    const { stream, writes } = captureStream(true);
    const draw = drawProgress({ stream, env: {} });
    const total = 1000;
    const deltas = Array.from({ length: 20 }, () => 50);
    // 30 ms between events: of the advances, only those 100 ms or more after the last drawn one are drawn.
    const task = startProgress(
      draw,
      { stage: 'full-load', subject: 'customers', unit: 'rows', total },
      steppingClock(1_000, 30),
    );
    for (const d of deltas) task.advance(d);
    task.finish();

    const times = [0, ...deltas.map((_, i) => 30 * (i + 1))];
    let last = 0; // the start is drawn at time 0
    const drawnAdvances = times.slice(1).filter((t) => (t - last >= 100 ? ((last = t), true) : false));
    expect(writes.length).toBe(1 + drawnAdvances.length + 1);
    expect(writes.every((w) => w.startsWith('\r\x1b[2K'))).toBe(true);
    expect(writes[0]).toContain('full-load customers');
    expect(writes[0]).toContain(`0/${total.toLocaleString('en-US')} rows`);
    const done = deltas.reduce((a, b) => a + b, 0);
    const final = writes.at(-1) as string;
    expect(final.endsWith('\n')).toBe(true);
    expect(final).toContain(`${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows`);
    expect(final).toContain(`${Math.round((done / total) * 100)}%`);
    // rate from the events' own timestamps: done / elapsed
    const elapsed = (30 * (deltas.length + 1)) / 1000;
    expect(final).toContain(`${(done / elapsed / 1e3).toFixed(0)}k/s`);
    expect(final).toContain('ETA');
    expect(writes.slice(0, -1).some((w) => w.includes('\n'))).toBe(false);
  });

  it('draws without a bar when the total is unknown', () => {
    const { stream, writes } = captureStream(true);
    const task = startProgress(
      drawProgress({ stream, env: {} }),
      { stage: 'hudi-write', subject: 'upsert orders', unit: 'files' },
      steppingClock(0, 500),
    );
    task.advance(3);
    task.finish();
    expect(writes.at(-1)).toContain('hudi-write upsert orders  3 files');
    expect(writes.join('')).not.toContain('ETA');
  });

  it('draws nothing in CI, off a terminal, or when AUTOCORP_NO_PROGRESS is set', () => {
    const event: ProgressEvent = {
      phase: 'start',
      stage: 'etl',
      subject: 'jobs',
      done: 0,
      total: 10,
      unit: 'jobs',
      startedAt: 0,
      at: 0,
    };
    for (const [isTTY, env] of [
      [true, { CI: 'true' }],
      [false, {}],
      [true, { AUTOCORP_NO_PROGRESS: '1' }],
    ] as const) {
      const { stream, writes } = captureStream(isTTY);
      const draw = drawProgress({ stream, env });
      draw(event);
      draw({ ...event, phase: 'finish', done: 10, at: 1000 });
      expect(writes, JSON.stringify({ isTTY, env })).toEqual([]);
    }
  });
});
