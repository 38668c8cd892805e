import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssistantError } from '../../src/assistant-error';
import { DEFAULT_CONVERSATION_TTL_SECONDS } from '../../src/conversations/index';
import type { AssistantTool, ConversationState } from '../../src/index';
import {
  type ChatLine,
  type ChatService,
  bufferedSink,
  chatLambdaSettings,
  handleChatEvent,
} from '../../src/lambda/index';
import { CHAT_LAMBDA_ENV, DEFAULT_CHAT_ROW_CAP } from '../../src/lambda/lambda-environment';
import { createModelProvider } from '../../src/model-loop/index';
import { OpenAiCompatibleChatModel } from '../../src/providers/openai-compatible/index';
import { SALES_TABLE, openSalesSqlTool, salesRows } from '../support/sales-sql-tool';
import type { ScriptedHttpServer } from '../../testing/scripted-http-server';
import { startScriptedOpenAiServer, toolMessages } from '../../testing/scripted-openai-server';

const COUNT = `SELECT CAST(count(*) AS INTEGER) AS n FROM ${SALES_TABLE}`;
let sql: { tool: AssistantTool; close: () => void };
let server: ScriptedHttpServer;
let service: ChatService;

beforeAll(async () => {
  sql = await openSalesSqlTool();
  server = await startScriptedOpenAiServer((body) =>
    body.messages.at(-1)?.role === 'user'
      ? { toolCalls: [{ name: 'run_sql', input: { sql: COUNT } }] }
      : { text: `There are ${(toolMessages(body).at(-1) as { rows: { n: number }[] }).rows[0]?.n} sales rows.` },
  );
  const provider = createModelProvider({
    model: new OpenAiCompatibleChatModel({ baseUrl: `${server.url}/v1`, model: 'scripted' }),
  });
  // Conversations kept the way the assistant keeps them: turns by id.
  const conversations = new Map<string, ConversationState>();
  service = {
    async ask(question, conversationId, options) {
      const id = conversationId ?? randomUUID();
      const conversation = conversations.get(id) ?? { id, turns: [] };
      const answer = await provider.answer({ question, conversation, tools: [sql.tool], onEvent: options.onEvent });
      conversations.set(id, { id, turns: [...conversation.turns, { question, answer }] });
      return { conversationId: id, answer };
    },
  };
});
afterAll(async () => {
  sql.close();
  await server.close();
});

async function post(body: unknown, chat = service, method = 'POST') {
  const sink = bufferedSink();
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  await handleChatEvent(
    { body: Buffer.from(text).toString('base64'), isBase64Encoded: true, requestContext: { http: { method } } },
    chat,
    sink,
  );
  const lines = sink.response.body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ChatLine);
  return { ...sink.response, lines };
}

describe('the chat handler (function URL events)', () => {
  it('streams the tool call, its result, the text and the answer with its conversation id as NDJSON', async () => {
    const response = await post({ question: 'How many sales rows are there?' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response.lines.map((l) => l.type).filter((t, i, all) => t !== all[i - 1])).toEqual([
      'tool-call',
      'tool-result',
      'text-delta',
      'answer',
    ]);
    const last = response.lines.at(-1);
    expect(last).toMatchObject({
      type: 'answer',
      conversationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      answer: { text: `There are ${salesRows().length} sales rows.`, sql: [COUNT], outcome: 'answered' },
    });
  });

  it('continues the conversation named by conversationId', async () => {
    const first = (await post({ question: 'How many sales rows?' })).lines.at(-1) as { conversationId: string };
    const second = (await post({ question: 'and now?', conversationId: first.conversationId })).lines.at(-1);
    expect(second).toMatchObject({ conversationId: first.conversationId });
    const followUp = JSON.parse(server.requests.at(-2)?.body ?? '{}') as {
      messages: { role: string; content: string }[];
    };
    expect(followUp.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'How many sales rows?',
      'and now?',
    ]);
  });

  it.each([
    ['a body that is not JSON', '{"question":', 'POST', /not JSON/],
    ['no question', { conversationId: 'abc' }, 'POST', /no "question"/],
    ['a GET', { question: 'hi' }, 'GET', /takes POST, not GET/],
    ['a malformed conversation id', { question: 'hi', conversationId: '../etc' }, 'POST', /conversationId/],
    ['a question of 2001 characters', { question: 'x'.repeat(2001) }, 'POST', /2001 characters/],
  ])('answers 400 with a bad-request line for %s', async (_, body, method, message) => {
    const response = await post(body, service, method);
    expect(response.statusCode).toBe(400);
    expect(response.lines).toEqual([{ type: 'error', kind: 'bad-request', message: expect.stringMatching(message) }]);
  });

  it('ends with an error line naming the assistant’s error, and hides other errors’ details', async () => {
    const failing = (error: Error): ChatService => ({
      ask: () => Promise.reject(error),
    });
    const known = await post({ question: 'hi' }, failing(new AssistantError('provider-failed', 'Bedrock said no.')));
    expect(known.lines).toEqual([{ type: 'error', kind: 'provider-failed', message: 'Bedrock said no.' }]);
    const unknown = await post({ question: 'hi' }, failing(new Error('secret internals')));
    expect(unknown.lines).toEqual([
      { type: 'error', kind: 'internal', message: expect.not.stringContaining('secret') },
    ]);
  });
});

describe('chatLambdaSettings', () => {
  const complete = {
    [CHAT_LAMBDA_ENV.modelId]: 'amazon.nova-pro-v1:0',
    [CHAT_LAMBDA_ENV.knowledgeBaseId]: 'KB1',
    [CHAT_LAMBDA_ENV.workGroup]: 'autocorp-dev',
    [CHAT_LAMBDA_ENV.database]: 'autocorp_dev',
    [CHAT_LAMBDA_ENV.conversationTable]: 'autocorp-dev-chat-conversations',
  };

  it('reads the variables the chat stack sets, with default limits', () => {
    expect(chatLambdaSettings(complete)).toMatchObject({
      knowledgeBaseId: 'KB1',
      rowCap: DEFAULT_CHAT_ROW_CAP,
      conversationTable: 'autocorp-dev-chat-conversations',
      conversationTtlSeconds: DEFAULT_CONVERSATION_TTL_SECONDS,
    });
  });

  it('names a missing or malformed variable', () => {
    expect(() => chatLambdaSettings({ ...complete, [CHAT_LAMBDA_ENV.workGroup]: ' ' })).toThrow(
      CHAT_LAMBDA_ENV.workGroup,
    );
    expect(() => chatLambdaSettings({ ...complete, [CHAT_LAMBDA_ENV.conversationTable]: undefined })).toThrow(
      CHAT_LAMBDA_ENV.conversationTable,
    );
    expect(() => chatLambdaSettings({ ...complete, [CHAT_LAMBDA_ENV.rowCap]: '-3' })).toThrow(
      `${CHAT_LAMBDA_ENV.rowCap} is "-3"`,
    );
  });
});
