/**
 * The chat endpoint with the openai-compatible provider, configured to local HTTP servers speaking the
 * chat-completions protocol (a scripted model, a failing one, one that never answers), over a real lake.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChatCompletionsBody,
  startScriptedHttpServer,
  startScriptedOpenAiServer,
  toolMessages,
  wordEmbedding,
} from '@autocorp/assistant/testing';
import { type ChatEvent, PlatformClientError } from '@autocorp/platform-client';
import { DuckDbExecutor } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSettings } from '../../src/api/handlers/chat/chat-settings';
import { type ApiLake, buildApiLake, runtimePartsOf } from '../support/api-lake';
import { type ApiUnderTest, type RuntimeParts, startApiUnderTest } from '../support/api-server';
import { postChat } from '../support/chat-stream';

const SCALE = 0.002;
type ToolContent = { rows?: Record<string, unknown>[]; truncated?: boolean; error?: string };

/** One streamed chat.completion.chunk reply calling `run_sql` with `sql`, as an OpenAI-compatible server sends it. */
function runSqlReply(sql: string): string[] {
  const call = {
    index: 0,
    id: 'call_1',
    type: 'function',
    function: { name: 'run_sql', arguments: JSON.stringify({ sql }) },
  };
  return [
    `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] })}\n\n`,
    `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })}\n\n`,
    'data: [DONE]\n\n',
  ];
}

describe(`the chat endpoint with the openai-compatible provider (generator scale ${SCALE})`, () => {
  let lake: ApiLake;
  let parts: RuntimeParts;
  let executor: DuckDbExecutor;
  const servers: { close(): Promise<void> }[] = [];
  const openAi = (url: string, extra: Partial<ChatSettings> = {}): ChatSettings => ({
    provider: 'openai-compatible',
    baseUrl: `${url}/v1`,
    model: 'scripted',
    ...extra,
  });
  const startApi = async (chat: ChatSettings): Promise<ApiUnderTest> => {
    const api = await startApiUnderTest(parts, { chat });
    servers.push(api.server);
    return api;
  };
  const track = <T extends { close(): Promise<void> }>(server: T): T => (servers.push(server), server);

  beforeAll(async () => {
    lake = await buildApiLake(SCALE);
    parts = runtimePartsOf(lake);
    executor = new DuckDbExecutor({ catalog: parts.catalog });
  }, 900_000);

  afterAll(async () => {
    for (const server of servers.reverse()) await server.close();
    await executor?.close();
    await lake?.close();
  });

  it('answers through the model server: its tool call runs over the lake, its text streams, the answer carries the SQL and rows', async () => {
    const sql = 'SELECT count(*) AS orders FROM sales_order';
    const model = track(
      await startScriptedOpenAiServer((body, turn) => {
        if (turn === 0) return { toolCalls: [{ name: 'run_sql', input: { sql } }] };
        const [result] = toolMessages(body) as ToolContent[];
        return { text: `We have ${String(result?.rows?.[0]?.['orders'])} orders in total.` };
      }),
    );
    const api = await startApi(openAi(model.url));
    expect(await api.client.chatInfo()).toMatchObject({
      provider: 'openai-compatible',
      model: 'scripted',
      ready: true,
    });
    const orders = Number((await executor.execute(sql)).rows[0]?.['orders']);
    const events: ChatEvent[] = [];
    const { answer } = await api.client.chat(
      { question: 'How many orders do we have?' },
      { onEvent: (e) => events.push(e) },
    );
    expect(answer).toMatchObject({ provider: 'openai-compatible', outcome: 'answered', sql: [sql] });
    expect(answer.text).toContain(`We have ${orders} orders`);
    expect(answer.table?.rows).toEqual([[orders]]);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['tool-call', 'tool-result', 'text-delta', 'answer']),
    );
    const request = JSON.parse(model.requests[0]?.body ?? '{}') as {
      model: string;
      tools: { function: { name: string } }[];
    };
    expect(request.model).toBe('scripted');
    expect(request.tools.map((t) => t.function.name)).toEqual(
      expect.arrayContaining(['run_sql', 'get_service_with_parts']),
    );
  });

  it('ranks knowledge-base searches with the configured embeddings server (assistant.embeddingsUrl)', async () => {
    const embedded: string[] = [];
    const embeddings = track(
      await startScriptedHttpServer((request) => {
        const { input } = JSON.parse(request.body) as { input: string[] };
        embedded.push(...input);
        const data = input.map((text, index) => ({ index, embedding: wordEmbedding(text) }));
        return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) };
      }),
    );
    const hits: { title?: string }[][] = [];
    const model = track(
      await startScriptedOpenAiServer((body, turn) => {
        if (turn === 0)
          return {
            toolCalls: [
              { name: 'search_knowledge_base', input: { query: 'synthetic oil change', kinds: ['service'] } },
            ],
          };
        hits.push(toolMessages(body)[0] as { title?: string }[]);
        return { text: 'These services match.' };
      }),
    );
    const api = await startApi(openAi(model.url, { embeddingsUrl: `${embeddings.url}/v1`, embeddingsModel: 'words' }));
    const { answer } = await api.client.chat({ question: 'Which services are about synthetic oil?' });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(embedded).toContain('synthetic oil change');
    const services = (await executor.execute('SELECT service FROM service')).rows.map((r) => String(r['service']));
    expect(embedded.filter((t) => services.some((s) => t.startsWith(`${s}\n`))).length).toBe(services.length);
    // The word-bag embedding ranks first a service whose name has every word of the query.
    const top = hits[0]?.[0]?.title?.toLowerCase() ?? '';
    for (const word of ['synthetic', 'oil', 'change']) expect(top, top).toContain(word);
  });

  it('caps the rows of a tool call and stops one that runs past the timeout', async () => {
    const capped = 'SELECT sku FROM auto_parts ORDER BY sku';
    const slow = 'SELECT count(*) AS n FROM range(1000000000000) a';
    const seen: ToolContent[] = [];
    const model = track(
      await startScriptedOpenAiServer((body, turn) => {
        if (turn === 0)
          return {
            toolCalls: [
              { name: 'run_sql', input: { sql: capped } },
              { name: 'run_sql', input: { sql: slow } },
            ],
          };
        seen.push(...(toolMessages(body) as ToolContent[]));
        return { text: 'Here are the first parts.' };
      }),
    );
    // The timeout leaves the capped query room on a loaded machine (at 300 ms it timed out at load 18); the slow
    // one counts 10^12 rows and takes minutes.
    const timeoutMs = 3000;
    const api = await startApi(openAi(model.url, { rowCap: 3, toolTimeoutMs: timeoutMs }));
    const first = (await executor.execute(`${capped} LIMIT 3`)).rows.map((r) => [r['sku']]);
    const { answer } = await api.client.chat({ question: 'List the parts' });
    expect(seen[0]).toMatchObject({ truncated: true });
    expect(seen[0]?.rows).toHaveLength(3);
    expect(JSON.stringify(seen[1])).toMatch(new RegExp(`${timeoutMs} ?ms|timed out|took longer`, 'i'));
    expect(answer.table?.rows).toEqual(first);
  });

  it('answers 502 naming the provider and its reason when the model server fails before the answer begins', async () => {
    const model = track(await startScriptedHttpServer(() => ({ status: 503, body: 'model is loading' })));
    const api = await startApi(openAi(model.url));
    const body = (await api.call('chat', '/api/chat', 502, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How many orders do we have?' }),
    })) as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('provider-failed');
    expect(body.error.message).toContain('openai-compatible');
    expect(body.error.message).toContain('model is loading');
    const viaClient = await api.client.chat({ question: 'How many orders do we have?' }).catch((e: unknown) => e);
    expect(viaClient).toMatchObject({ kind: 'http', status: 502 });
  });

  it('ends the stream with an error event naming the provider when the model server fails mid-answer', async () => {
    const model = track(
      // The first request of a question gets a tool call; the one carrying its result fails.
      await startScriptedHttpServer((request) =>
        (JSON.parse(request.body) as ChatCompletionsBody).messages.some((m) => m.role === 'tool')
          ? { status: 500, body: 'out of memory' }
          : {
              headers: { 'content-type': 'text/event-stream' },
              body: runSqlReply('SELECT count(*) AS n FROM auto_parts'),
            },
      ),
    );
    const api = await startApi(openAi(model.url));
    const { status, events } = await postChat(api.server.url, { question: 'How many parts are there?' });
    expect(status).toBe(200);
    expect(events.map((e) => e.name)).toEqual(['tool-call', 'tool-result', 'error']);
    expect(events.at(-1)?.data).toMatchObject({
      type: 'error',
      kind: 'provider-failed',
      provider: 'openai-compatible',
    });
    expect(JSON.stringify(events.at(-1)?.data)).toContain('out of memory');
    const viaClient = await api.client.chat({ question: 'How many parts are there?' }).catch((e: unknown) => e);
    expect(viaClient).toBeInstanceOf(PlatformClientError);
    expect(viaClient).toMatchObject({ kind: 'provider-failed', provider: 'openai-compatible' });
  });

  it('aborts the answer (the model request) when the client goes away', async () => {
    // A model server that never answers: it reports when a request arrives and when its connection closes.
    const arrived: (() => void)[] = [];
    const closed: (() => void)[] = [];
    const hanging = createServer((req) => {
      arrived.shift()?.();
      req.socket.once('close', () => closed.shift()?.());
    });
    hanging.listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    track({
      close: () => new Promise<void>((resolve) => (hanging.closeAllConnections(), hanging.close(() => resolve()))),
    });
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const api = await startApi(openAi(url));
    const requestArrived = new Promise<void>((resolve) => arrived.push(resolve));
    const requestClosed = new Promise<void>((resolve) => closed.push(resolve));
    const abort = new AbortController();
    const asking = api.client
      .chat({ question: 'How many orders do we have?' }, { signal: abort.signal })
      .catch((e: unknown) => e);
    await requestArrived;
    abort.abort();
    expect(await asking).toMatchObject({ kind: 'cancelled' });
    await requestClosed; // the endpoint aborted its request to the model server
  });
});
