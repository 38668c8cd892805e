import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatCount, formatDuration, formatTable, progressWanted } from '../src/index';

function captureStream(isTTY: boolean) {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean };
  stream.isTTY = isTTY;
  let text = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('format', () => {
  it('groups thousands and formats durations', () => {
    expect(formatCount(1188678)).toBe('1,188,678');
    expect(formatCount(-1234.5)).toBe('-1,234.5');
    expect(formatDuration(3.21)).toBe('3.2s');
    expect(formatDuration(184)).toBe('3m04s');
  });

  it('right-aligns numeric columns', () => {
    const table = formatTable(
      ['table', 'rows'],
      [
        ['auto_parts', 400],
        ['sales_order', 397146],
      ],
    );
    expect(table.split('\n')).toEqual([
      'table           rows',
      '-----------  -------',
      'auto_parts       400',
      'sales_order  397,146',
    ]);
  });
});

describe('progress', () => {
  it('is quiet in CI and off a terminal', () => {
    const { stream } = captureStream(true);
    expect(progressWanted(stream, { CI: 'true' })).toBe(false);
    expect(progressWanted(captureStream(false).stream, {})).toBe(false);
    expect(progressWanted(stream, {})).toBe(true);
  });

  it('draws count, percentage and ETA when enabled, nothing when disabled', async () => {
    const on = captureStream(true);
    const p = createProgress({ label: 'orders', total: 1000, stream: on.stream, enabled: true });
    p.tick(250);
    p.finish();
    await new Promise((r) => setImmediate(r));
    expect(on.text()).toContain('orders');
    expect(on.text()).toContain('250/1,000 rows');
    expect(on.text()).toContain('25%');
    expect(on.text()).toContain('ETA');

    const off = captureStream(true);
    const q = createProgress({ label: 'orders', total: 10, stream: off.stream, enabled: false });
    q.tick(10);
    q.finish();
    await new Promise((r) => setImmediate(r));
    expect(off.text()).toBe('');
    expect(q.value).toBe(10);
  });
});
