/**
 * The chat function (libs/assistant/src/lambda) as the web app reaches it on AWS: behind an HTTP server standing in
 * for CloudFront and the function URL, over a lake built by a real pipeline pass, with local servers speaking the
 * Bedrock Runtime and DynamoDB wire formats in place of those endpoints (AWS_ENDPOINT_URL_<SERVICE>). Its answers
 * are checked against the OpenAPI document the platform API serves, and with the typed platform client. Every value
 * expected is computed here with SQL over the curated tables.
 */
import { randomUUID } from 'node:crypto';
import {
  CHAT_LAMBDA_ENV,
  CONVERSATION_TABLE,
  chatLambdaAssistant,
  chatLambdaService,
  chatLambdaSettings,
} from '@autocorp/assistant';
import {
  type ConverseBody,
  type ScriptedDynamoDb,
  type ScriptedHttpServer,
  type ScriptedReply,
  converseToolResults,
  startScriptedBedrockServer,
  startScriptedDynamoDb,
  localAwsEnvironment,
} from '@autocorp/assistant/testing';
import { PlatformClientError, createPlatformClient } from '@autocorp/platform-client';
import { DuckDbExecutor, type ResultRow } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiLake, buildApiLake, runtimePartsOf } from '../support/api-lake';
import { type ApiUnderTest, startApiUnderTest } from '../support/api-server';
import { type ChatLambdaServer, startChatLambdaServer } from '../support/chat-lambda-server';
import { postChat } from '../support/chat-stream';

const SCALE = 0.002;
const TABLE = 'autocorp-test-chat-conversations';
const MODEL = 'amazon.nova-pro-v1:0';
const ORDERS_SQL = 'SELECT CAST(count(*) AS INTEGER) AS orders FROM sales_order';
const ENV = {
  [CHAT_LAMBDA_ENV.modelId]: MODEL,
  [CHAT_LAMBDA_ENV.knowledgeBaseId]: 'KB12345678',
  [CHAT_LAMBDA_ENV.workGroup]: 'autocorp-test',
  [CHAT_LAMBDA_ENV.database]: 'autocorp_test',
  [CHAT_LAMBDA_ENV.conversationTable]: TABLE,
};

describe(`the chat function speaks the platform API's chat contract (generator scale ${SCALE})`, () => {
  let lake: ApiLake;
  let executor: DuckDbExecutor;
  let api: ApiUnderTest;
  let bedrock: ScriptedHttpServer;
  let dynamo: ScriptedDynamoDb;
  const closers: (() => Promise<void>)[] = [];
  /** What the scripted Nova Pro answers; each test sets its own. */
  let nova: (body: ConverseBody) => ScriptedReply | Error = () => new Error('no script');
  const rows = async (sql: string): Promise<ResultRow[]> => (await executor.execute(sql)).rows;

  /** A cold start: a new execution environment of the function, with its own assistant over the lake. */
  const coldStart = async (): Promise<ChatLambdaServer> => {
    const server = await startChatLambdaServer(
      chatLambdaService(MODEL, () => chatLambdaAssistant(chatLambdaSettings(ENV), { executor })),
    );
    closers.push(() => server.close());
    return server;
  };

  beforeAll(async () => {
    lake = await buildApiLake(SCALE);
    const parts = runtimePartsOf(lake);
    executor = new DuckDbExecutor({ catalog: parts.catalog });
    // The document the platform API serves (/openapi.json), the one the web apps are built against.
    api = await startApiUnderTest(parts);
    bedrock = await startScriptedBedrockServer((body) => nova(body));
    dynamo = await startScriptedDynamoDb({ [TABLE]: CONVERSATION_TABLE.partitionKey });
    closers.push(
      () => api.server.close(),
      () => bedrock.close(),
      () => dynamo.close(),
    );
    for (const [name, value] of Object.entries(
      localAwsEnvironment({ BEDROCK_RUNTIME: bedrock.url, DYNAMODB: dynamo.url }),
    ))
      vi.stubEnv(name, value);
  }, 900_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const close of closers.reverse()) await close();
    await executor?.close();
    await lake?.close();
  });

  it('GET /api/chat/info: Bedrock, its model, and starter questions from the data (typed client and document)', async () => {
    const fn = await coldStart();
    const response = await fetch(`${fn.url}/api/chat/info`);
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(api.validator.problems('chatInfo', '200', body)).toEqual([]);

    const info = await createPlatformClient({ baseUrl: fn.url }).chatInfo();
    expect(info).toEqual(body);
    const [service] = await rows(
      `SELECT s.service FROM service_parts sp JOIN service s ON s.serviceid = sp.serviceid GROUP BY s.serviceid, s.service ORDER BY count(*) DESC, s.service LIMIT 1`,
    );
    const [part] = await rows(
      `SELECT p.description FROM service_parts sp JOIN auto_parts p ON p.sku = sp.sku GROUP BY p.description ORDER BY count(*) DESC, p.description LIMIT 1`,
    );
    const [latest] = await rows('SELECT CAST(max(order_date) AS VARCHAR) AS d FROM sales_order');
    const month = new Date(`${String(latest?.['d']).slice(0, 7)}-01T00:00:00Z`).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(info).toEqual({
      provider: 'bedrock',
      model: MODEL,
      ready: true,
      reason: null,
      starters: [
        `What parts are needed for ${String(service?.['service'])}?`,
        `Which services use ${String(part?.['description'])}?`,
        `What are our top-selling parts in ${month}?`,
        `How many orders did we have in ${month}?`,
      ],
    });
  });

  it('POST /api/chat streams the server-sent events of the document; the typed client continues the conversation in another environment', async () => {
    const asked: string[][] = [];
    nova = (body) => {
      const questions = body.messages.flatMap((m) =>
        m.role === 'user' ? m.content.flatMap((b) => (typeof b['text'] === 'string' ? [b['text']] : [])) : [],
      );
      if (converseToolResults(body).length === 0) {
        asked.push(questions);
        return { text: 'Counting.', toolCalls: [{ name: 'run_sql', input: { sql: ORDERS_SQL } }] };
      }
      const orders = (converseToolResults(body)[0]?.json as { rows: ResultRow[] }).rows[0]?.['orders'];
      return { text: `${questions.length > 1 ? 'Still' : 'There are'} ${String(orders)} orders.` };
    };
    const orders = Number((await rows('SELECT count(*) AS n FROM sales_order'))[0]?.['n']);

    const one = await postChat((await coldStart()).url, { question: 'How many orders do we have?' });
    expect(one.status).toBe(200);
    expect(one.contentType).toMatch(/^text\/event-stream/);
    for (const event of one.events) {
      expect(event.name).toBe(event.data.type);
      expect(api.validator.problems('chat', '200', event.data, 'text/event-stream'), event.name).toEqual([]);
    }
    expect(one.events.map((e) => e.name).filter((n, i, all) => n !== all[i - 1])).toEqual([
      'text-delta',
      'tool-call',
      'tool-result',
      'text-delta',
      'answer',
    ]);
    const first = one.events.at(-1)?.data;
    if (first?.type !== 'answer') throw new Error(`no answer: ${one.text}`);
    expect(first.answer).toMatchObject({
      provider: 'bedrock',
      outcome: 'answered',
      sql: [ORDERS_SQL],
      text: `There are ${orders} orders.`,
    });

    const streamed: string[] = [];
    const two = await createPlatformClient({ baseUrl: (await coldStart()).url }).chat(
      { question: 'And now?', conversationId: first.conversationId },
      { onEvent: (event) => streamed.push(event.type) },
    );
    expect(two.conversationId).toBe(first.conversationId);
    expect(two.answer.text).toBe(`Still ${orders} orders.`);
    expect(streamed.at(-1)).toBe('answer');
    // The second environment sent Nova Pro the first turn it read from DynamoDB.
    expect(asked).toEqual([['How many orders do we have?'], ['How many orders do we have?', 'And now?']]);
    const item = dynamo.tables.get(TABLE)?.get(first.conversationId);
    expect(JSON.parse(String(item?.[CONVERSATION_TABLE.turns]?.['S'])).length).toBe(2);
  });

  it('answers bad input, an unknown conversation and a failing provider as the document declares', async () => {
    const fn = await coldStart();
    const post = async (body: string) => {
      const response = await fetch(`${fn.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, body: (await response.json()) as { error: { field: string | null } } };
    };
    for (const [body, field] of [
      ['{"question":', 'body'],
      ['{}', 'body.question'],
      [JSON.stringify({ question: 'hi', conversationId: 'abc' }), 'body.conversationId'],
      [JSON.stringify({ question: 'hi', extra: 1 }), 'body.extra'],
    ] as const) {
      const bad = await post(body);
      expect(bad.status, body).toBe(400);
      expect(api.validator.problems('chat', '400', bad.body)).toEqual([]);
      expect(bad.body.error.field).toBe(field);
    }
    const unknown = await post(JSON.stringify({ question: 'and now?', conversationId: randomUUID() }));
    expect(unknown.status).toBe(404);
    expect(api.validator.problems('chat', '404', unknown.body)).toEqual([]);
    expect(unknown.body.error.field).toBe('body.conversationId');

    nova = () => new Error('The model is not available in this Region.');
    const failed = await post(JSON.stringify({ question: 'How many orders do we have?' }));
    expect(failed.status).toBe(502);
    expect(api.validator.problems('chat', '502', failed.body)).toEqual([]);
    expect(failed.body.error).toMatchObject({
      kind: 'provider-failed',
      message: expect.stringMatching(/not available/),
    });
    const error = await createPlatformClient({ baseUrl: fn.url })
      .chat({ question: 'How many orders do we have?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformClientError);
    expect((error as PlatformClientError).status).toBe(502);
  });
});
