import { describe, expect, it } from 'vitest';
import { type SseMessage, SseParser } from '../src/client/sse-parser';

function parse(chunks: readonly string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = new SseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('SseParser', () => {
  const stream =
    'retry: 1500\n: connected\n\nid: a-1\nevent: cdc-batch\ndata: {"x":1}\n\n: heartbeat 1\n\nid: a-2\r\ndata: line one\r\ndata: line two\r\n\r\n';

  it('dispatches each event with its id, type and data; skips comments; keeps retry', () => {
    expect(parse([stream])).toEqual([
      { event: 'cdc-batch', data: '{"x":1}', id: 'a-1', retry: 1500 },
      { event: 'message', data: 'line one\nline two', id: 'a-2', retry: 1500 },
    ]);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const whole = parse([stream]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
      expect(parse(chunks), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('does not dispatch an event whose blank line has not arrived', () => {
    expect(parse(['id: 1\ndata: half'])).toEqual([]);
  });
});
