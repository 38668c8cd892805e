import type { JsonSchema, OpenApiParameter } from '@autocorp/platform-client';
import { PlatformClientError, ROUTES, createPlatformClient } from '@autocorp/platform-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUnderTest, emptyLake, startApiUnderTest } from '../support/api-server';

/** Good path values, so a case breaks only the parameter it is about. */
const GOOD_PATH: Readonly<Record<string, string>> = {
  database: 'autocorp_curated',
  table: 'sales_order',
  name: 'top_selling_parts',
};

/** A value the parameter's schema (as the document states it) refuses. */
function badValue(schema: JsonSchema): string {
  if (schema['type'] === 'integer' || schema['type'] === 'number') return 'not-a-number';
  if (Array.isArray(schema['enum'])) return 'not-one-of-them';
  if (typeof schema['pattern'] === 'string') return '9!not-matching';
  if (typeof schema['minLength'] === 'number' && schema['minLength'] > 0) return '';
  return ',';
}

interface BadCase {
  readonly operationId: string;
  readonly url: string;
  readonly field: string;
  readonly init?: RequestInit;
}

function fillPath(path: string, override: Record<string, string> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(override[name] ?? GOOD_PATH[name] ?? ''),
  );
}

/** For every operation: an unknown parameter, and each declared parameter with a value its schema refuses. */
function casesFromDocument(api: ApiUnderTest): BadCase[] {
  const cases: BadCase[] = [];
  for (const [path, methods] of Object.entries(api.validator.document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const id = operation.operationId;
      const init =
        method === 'post'
          ? { method: 'POST', body: '{"sql":"SELECT 1"}', headers: { 'content-type': 'application/json' } }
          : undefined;
      cases.push({
        operationId: id,
        url: `${fillPath(path)}?bogus_param=1`,
        field: 'query.bogus_param',
        ...(init ? { init } : {}),
      });
      for (const parameter of operation.parameters as OpenApiParameter[]) {
        const bad = badValue(parameter.schema);
        const url =
          parameter.in === 'path'
            ? fillPath(path, { [parameter.name]: bad })
            : `${fillPath(path)}?${new URLSearchParams({ [parameter.name]: bad })}`;
        cases.push({
          operationId: id,
          url,
          field: `${parameter.in === 'path' ? 'params' : 'query'}.${parameter.name}`,
          ...(init ? { init } : {}),
        });
      }
    }
  }
  return cases;
}

const post = (body: string): RequestInit => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('the platform API refuses bad input with a 400 naming the field (every route)', () => {
  const lake = emptyLake();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApiUnderTest(lake);
  });
  afterAll(async () => {
    await api?.server.close();
    lake.remove();
  });

  it('has a refused parameter for every operation of the document, each a 400 naming it', async () => {
    const cases = casesFromDocument(api);
    const operations = Object.values(api.validator.document.paths).flatMap((m) =>
      Object.values(m).map((o) => o.operationId),
    );
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(operations));
    expect(new Set(operations)).toEqual(new Set(Object.keys(ROUTES)));
    for (const c of cases) {
      const body = (await api.call(c.operationId, c.url, 400, c.init)) as { error: { field: string; message: string } };
      expect(
        body.error.field === c.field || body.error.field.startsWith(`${c.field}.`),
        `${c.url}: ${body.error.field}`,
      ).toBe(true);
      expect(body.error.message, c.url).toContain(c.field);
    }
  });

  it('names the body field of a bad SQL request, and the guard refuses what is not a read-only SELECT', async () => {
    const cases: [RequestInit, string][] = [
      [post(''), 'body'],
      [post('{not json'), 'body'],
      [post('{"sql": 5}'), 'body.sql'],
      [post('{"sql": "SELECT 1", "maxRows": 0}'), 'body.maxRows'],
      [post('{"sql": "SELECT 1", "maxRows": 10001}'), 'body.maxRows'],
      [post('{"sql": "SELECT 1", "timeoutMs": 1}'), 'body.timeoutMs'],
      [post('{"sql": "SELECT 1", "extra": true}'), 'body.extra'],
      [post('{"sql": "SELECT 1", "asOf": "yesterday"}'), 'body.asOf'],
      [post('{"sql": "SELECT 1", "until": "20240101000000000"}'), 'body.until'],
      [post('{"sql": "SELECT 1", "asOf": "20240101000000000", "since": "20240101000000000"}'), 'body.since'],
      [post('{"sql": "DROP TABLE sales_order"}'), 'body.sql'],
      [post('{"sql": "SELECT * FROM read_csv(\'/etc/passwd\')"}'), 'body.sql'],
    ];
    for (const [init, field] of cases) {
      const body = (await api.call('sql', '/api/sql', 400, init)) as { error: { field: string } };
      expect(body.error.field, String(init.body)).toBe(field);
    }
  });

  it('names the body field of a bad chat request (before the assistant is made)', async () => {
    const cases: [RequestInit, string][] = [
      [post(''), 'body'],
      [post('{not json'), 'body'],
      [post('{}'), 'body.question'],
      [post('{"question": 5}'), 'body.question'],
      [post('{"question": "   "}'), 'body.question'],
      [post(JSON.stringify({ question: 'x'.repeat(2001) })), 'body.question'],
      [post('{"question": "oil change?", "conversationId": "abc"}'), 'body.conversationId'],
      [post('{"question": "oil change?", "history": []}'), 'body.history'],
    ];
    for (const [init, field] of cases) {
      const body = (await api.call('chat', '/api/chat', 400, init)) as { error: { field: string; message: string } };
      expect(body.error.field, String(init.body).slice(0, 50)).toBe(field);
      expect(body.error.message).toContain(field);
    }
  });

  it('says the assistant is not ready, and what to run, over a lake without curated tables', async () => {
    const info = (await api.call('chatInfo', '/api/chat/info')) as { ready: boolean; reason: string; provider: string };
    expect(info).toMatchObject({ provider: 'local', ready: false });
    expect(info.reason).toContain('autocorp run');
    const ask = await fetch(
      `${api.server.url}/api/chat`,
      post('{"question": "What parts are needed for an oil change?"}'),
    );
    expect(ask.status).toBe(503);
    expect(((await ask.json()) as { error: { message: string } }).error.message).toContain('autocorp run');
    const unconfigured = await startApiUnderTest(lake, { chat: { provider: 'openai-compatible' } });
    try {
      const needs = await unconfigured.client.chatInfo();
      expect(needs).toMatchObject({ provider: 'openai-compatible', model: null, ready: false, starters: [] });
      expect(needs.reason).toContain('assistant.baseUrl (AUTOCORP_ASSISTANT_BASE_URL)');
      const refused = await unconfigured.client.chat({ question: 'oil change?' }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'http', status: 503, message: expect.stringContaining('assistant.model') });
    } finally {
      await unconfigured.server.close();
    }
  });

  it('refuses parameters that are each valid but wrong together, and a named query parameter its definition refuses', async () => {
    const metrics = (await api.call('metrics', '/api/metrics?from=2000&to=1000', 400)) as { error: { field: string } };
    expect(metrics.error.field).toBe('query.from');
    const until = (await api.call('runNamedQuery', '/api/queries/top_selling_parts?until=20240101000000000', 400)) as {
      error: { field: string };
    };
    expect(until.error.field).toBe('query.until');
    const preview = (await api.call(
      'preview',
      '/api/curated/sales_order/preview?asOf=20240101000000000&since=20240101000000000',
      400,
    )) as { error: { field: string } };
    expect(preview.error.field).toBe('query.since');
    const limit = (await api.call('runNamedQuery', '/api/queries/top_selling_parts?limit=0', 400)) as {
      error: { field: string };
    };
    expect(limit.error.field).toBe('query.limit');
    const date = (await api.call('runNamedQuery', '/api/queries/top_selling_parts?from=2024-13-01', 400)) as {
      error: { field: string };
    };
    expect(date.error.field).toBe('query.from');
  });

  it('answers 404 naming what is unknown', async () => {
    const cases: [string, string, string][] = [
      ['table', '/api/tables/no_such_database/sales_order', 'params.database'],
      ['table', '/api/tables/autocorp_curated/no_such_table', 'params.table'],
      ['timeline', '/api/curated/no_such_table/timeline', 'params.table'],
      ['preview', '/api/curated/no_such_table/preview', 'params.table'],
      ['runNamedQuery', '/api/queries/no_such_query', 'params.name'],
    ];
    for (const [id, url, field] of cases) {
      const body = (await api.call(id, url, 404)) as { error: { field: string } };
      expect(body.error.field, url).toBe(field);
    }
    const unknown = await fetch(`${api.server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { kind: string } }).error.kind).toBe('not-found');
  });

  it('gives the typed client the status and the field of a 400, and a network error naming what to run when nothing answers', async () => {
    const refused = await api.client.etlRuns({ query: { limit: 0 } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformClientError);
    expect(refused).toMatchObject({ kind: 'http', status: 400, field: 'query.limit' });
    const closed = await startApiUnderTest(lake);
    await closed.server.close();
    const down = await createPlatformClient({ baseUrl: closed.server.url })
      .health()
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ kind: 'network', message: expect.stringContaining('autocorp up') });
  });
});
