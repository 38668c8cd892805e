import { PlatformClientError } from '@autocorp/platform-client';
import { describe, expect, it } from 'vitest';
import { dashboardQueryUrl } from '../src/chat/dashboard-link';
import { formatCell } from '../src/chat/format';
import { applyEvent, describeFailure, startTurn } from '../src/chat/turn';

describe('how answers are shown', () => {
  it('groups numeric columns keeping every digit, and leaves ids and text as they are', () => {
    expect(formatCell('1234567.50', 'DECIMAL(18,2)')).toBe('1,234,567.50');
    expect(formatCell(-12345, 'BIGINT')).toBe('-12,345');
    expect(formatCell('10023', 'VARCHAR')).toBe('10023');
    expect(formatCell(null, 'BIGINT')).toBe('—');
  });

  it('links the SQL to the dashboard query page, on this origin unless configured', () => {
    const sql = "SELECT name FROM part WHERE category = 'Brakes' LIMIT 5";
    const url = new URL(dashboardQueryUrl(sql, undefined, 'http://127.0.0.1:4000'));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/query/');
    expect(url.searchParams.get('sql')).toBe(sql);
    expect(
      dashboardQueryUrl(sql, 'https://ops.example.com/', 'http://x').startsWith('https://ops.example.com/query/?'),
    ).toBe(true);
  });

  it('builds the answer from its deltas, then takes the final answer', () => {
    let turn = startTurn(1, 'q');
    for (const text of ['Oil ', 'change ', 'parts']) turn = applyEvent(turn, { type: 'text-delta', text });
    expect(turn.text).toBe('Oil change parts');
    expect(turn.status).toBe('streaming');
    const answer = {
      text: 'Oil change parts.',
      citations: [],
      sql: [],
      provider: 'local',
      outcome: 'answered',
    } as const;
    turn = applyEvent(turn, { type: 'answer', answer, conversationId: crypto.randomUUID() });
    expect(turn).toMatchObject({ status: 'done', text: answer.text, answer });
  });

  it('says the API is down (what to run), or which provider failed and why', () => {
    expect(describeFailure(new PlatformClientError('network', 'fetch failed')).kind).toBe('api-down');
    const refused = 'The openai-compatible provider failed: http://127.0.0.1:9/v1 refused the connection';
    expect(describeFailure(new PlatformClientError('http', refused, { status: 502 }))).toEqual({
      kind: 'provider',
      message: refused,
    });
    const streamed = applyEvent(startTurn(2, 'q'), {
      type: 'error',
      kind: 'provider',
      provider: 'bedrock',
      message: 'ThrottlingException: rate exceeded',
    });
    expect(streamed).toMatchObject({
      status: 'failed',
      failure: { kind: 'provider', message: 'The bedrock provider failed: ThrottlingException: rate exceeded' },
    });
    const gone = describeFailure(new PlatformClientError('http', 'Conversation x is not known.', { status: 404 }));
    expect(gone.kind).toBe('conversation-gone');
  });
});
