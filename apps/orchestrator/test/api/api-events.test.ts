import type { PlatformEvent } from '@autocorp/platform-client';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiUnderTest, emptyLake, startApiUnderTest } from '../support/api-server';

const BASE = Date.UTC(2026, 0, 1, 12, 0, 0);

function cdcBatch(at: number, rows: number, commitLagSeconds: number | null): PlatformEvent {
  return {
    type: 'cdc-batch',
    at,
    rows,
    files: 1,
    lsn: '0/16B3748',
    reason: 'time',
    tables: [{ table: 'sales_order', rows }],
    commitLagSeconds,
  };
}

function etlRun(at: number, inserted: number, seconds: number): PlatformEvent {
  return {
    type: 'etl-run',
    at,
    runId: `run-${at}`,
    trigger: 'micro-batch',
    seconds,
    jobs: [
      {
        job: 'sales_order',
        status: 'committed',
        inserted,
        updated: 1,
        deleted: 0,
        quarantined: 2,
        seconds,
        rulesFailed: [{ rule: 'amounts_non_negative', severity: 'warn' }],
      },
    ],
  };
}

/** Collects what a subscription receives, resolving `next(n)` once n events arrived. */
function collector() {
  const received: { event: PlatformEvent; id: string | undefined }[] = [];
  let waiting: { n: number; resolve: () => void } | undefined;
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  return {
    received,
    open,
    onOpen: () => opened(),
    onEvent: (event: PlatformEvent, id: string | undefined) => {
      received.push({ event, id });
      if (waiting && received.length >= waiting.n) waiting.resolve();
    },
    next: (n: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= n) resolve();
        else waiting = { n, resolve };
      }),
  };
}

describe('the platform API: live events (SSE) and the metrics history', () => {
  const lake = emptyLake();
  const servers: ApiUnderTest[] = [];
  const start = async (options: Parameters<typeof startApiUnderTest>[1] = {}) => {
    const api = await startApiUnderTest(lake, options);
    servers.push(api);
    return api;
  };
  afterAll(async () => {
    for (const api of servers) await api.server.close();
    lake.remove();
  });

  it('streams the events published on the runtime to a client subscribed through the typed client, and resumes after Last-Event-ID', async () => {
    const api = await start();
    const events = [
      cdcBatch(BASE, 10, 0.5),
      etlRun(BASE + 1, 7, 0.25),
      {
        type: 'component',
        at: BASE + 2,
        component: 'cdc',
        health: 'degraded',
        reason: 'slot inactive',
      } as PlatformEvent,
    ];
    const first = collector();
    const subscription = api.client.subscribe(first.onEvent, { onOpen: first.onOpen });
    await first.open;
    for (const event of events) api.runtime.publish(event);
    await first.next(3);
    subscription.close();
    expect(first.received.map((r) => r.event)).toEqual(events);

    // Missed while away: a new subscription from the last id it saw gets exactly those.
    const missed = [cdcBatch(BASE + 3, 4, null), etlRun(BASE + 4, 1, 0.1)];
    for (const event of missed) api.runtime.publish(event);
    const resumed = collector();
    const again = api.client.subscribe(resumed.onEvent, { lastEventId: first.received[2]?.id as string });
    await resumed.next(2);
    again.close();
    expect(resumed.received.map((r) => r.event)).toEqual(missed);
  });

  it('sends heartbeats as comments on a quiet stream', async () => {
    const api = await start({ heartbeatMs: 25 });
    const abort = new AbortController();
    const response = await fetch(`${api.server.url}/api/events`, { signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': heartbeat')) text += (await reader.read()).value ?? '';
    abort.abort();
    expect(text).toMatch(/^retry: \d+\n/);
  });

  it('derives bounded time series from the events and keeps them across a restart', async () => {
    const bucketMs = 1000;
    const api = await start({ metrics: { bucketMs, maxBuckets: 3 } });
    // Five buckets: two events in each; only the newest three buckets are kept.
    const published: PlatformEvent[] = [];
    for (let b = 0; b < 5; b++) {
      published.push(
        cdcBatch(BASE + b * bucketMs + 100, 10 + b, b),
        cdcBatch(BASE + b * bucketMs + 900, 20 + b, b + 0.5),
      );
      published.push(etlRun(BASE + b * bucketMs + 200, b, 0.2 + b), etlRun(BASE + b * bucketMs + 300, 2 * b, 0.1));
    }
    for (const event of published) api.runtime.publish(event);
    const expected = (series: string, fold: (events: PlatformEvent[]) => number) =>
      [2, 3, 4].map((b) => ({
        t: BASE + b * bucketMs,
        v: fold(published.filter((e) => e.at >= BASE + b * bucketMs && e.at < BASE + (b + 1) * bucketMs)),
      }));
    const cdc = (events: PlatformEvent[]) =>
      events.filter((e) => e.type === 'cdc-batch') as Extract<PlatformEvent, { type: 'cdc-batch' }>[];
    const etl = (events: PlatformEvent[]) =>
      events.filter((e) => e.type === 'etl-run') as Extract<PlatformEvent, { type: 'etl-run' }>[];
    const want = {
      'cdc.rows': expected('cdc.rows', (e) => cdc(e).reduce((n, x) => n + x.rows, 0)),
      'cdc.lagSeconds': expected('cdc.lagSeconds', (e) => cdc(e).at(-1)?.commitLagSeconds ?? NaN),
      'etl.inserted': expected('etl.inserted', (e) =>
        etl(e).reduce((n, x) => n + x.jobs.reduce((m, j) => m + j.inserted, 0), 0),
      ),
      'etl.seconds': expected('etl.seconds', (e) => Math.max(...etl(e).map((x) => x.seconds))),
      'etl.rulesFailed': expected('etl.rulesFailed', (e) =>
        etl(e).reduce((n, x) => n + x.jobs.reduce((m, j) => m + j.rulesFailed.length, 0), 0),
      ),
    };
    const query = `/api/metrics?series=${Object.keys(want).join(',')}&from=${BASE}&to=${BASE + 10 * bucketMs}`;
    const read = async (server: ApiUnderTest) =>
      Object.fromEntries(
        ((await server.call('metrics', query)) as { series: { name: string; points: unknown[] }[] }).series.map((s) => [
          s.name,
          s.points,
        ]),
      );
    expect(await read(api)).toEqual(want);

    await api.server.close();
    const restarted = await start({ metrics: { bucketMs, maxBuckets: 3 } });
    expect(await read(restarted)).toEqual(want);
  });

  it('reports CDC throughput over its window from the events', async () => {
    const now = Date.now();
    const api = await start({ now: () => now });
    const recent = [cdcBatch(now - 2000, 30, 1), cdcBatch(now - 1000, 12, 1)];
    for (const event of [cdcBatch(now - 120_000, 500, 1), ...recent]) api.runtime.publish(event);
    const body = (await api.call('cdc', '/api/cdc?windowSeconds=60')) as {
      throughput: Record<string, number>;
      source: { reachable: boolean };
    };
    const rows = recent.reduce((n, e) => n + (e.type === 'cdc-batch' ? e.rows : 0), 0);
    expect(body.throughput).toEqual({ windowSeconds: 60, batches: recent.length, rows, rowsPerSecond: rows / 60 });
    expect(body.source.reachable).toBe(false);
  });

  it('lets pages served from this machine call it (CORS), not other sites', async () => {
    const api = await start();
    const from = async (origin: string) =>
      (await fetch(`${api.server.url}/health`, { headers: { origin } })).headers.get('access-control-allow-origin');
    expect(await from('http://localhost:3000')).toBe('http://localhost:3000');
    expect(await from('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100');
    expect(await from('https://example.com')).toBeNull();
    const preflight = await fetch(`${api.server.url}/api/sql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
