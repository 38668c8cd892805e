import { ApiErrorSchema, ChatInfoSchema, MAX_CHAT_QUESTION_LENGTH, ROUTES } from '@autocorp/platform-client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVERSATION_TTL_SECONDS } from '../../src/conversations/index';
import {
  CHAT_LAMBDA_PROVIDER,
  type HttpEvent,
  bufferedSink,
  chatLambdaAssistant,
  chatLambdaService,
  chatLambdaSettings,
  handleChatEvent,
} from '../../src/lambda/index';
import { CHAT_LAMBDA_ENV, DEFAULT_CHAT_ROW_CAP } from '../../src/lambda/lambda-environment';

/**
 * The chat function's routing and request checks, before any assistant answers (the answers themselves are tested
 * over a real lake in apps/orchestrator/test/api/chat-lambda-contract.test.ts). The function here has none of the
 * chat stack's variables, so its assistant cannot start: what it answers then is part of the contract too.
 */
const MODEL = 'amazon.nova-pro-v1:0';

function unconfiguredFunction() {
  const starts: unknown[] = [];
  const service = chatLambdaService(MODEL, () => {
    starts.push(true);
    return chatLambdaAssistant(chatLambdaSettings({}));
  });
  return { service, starts };
}

/** A function URL event as CloudFront forwards it (function URLs base64-encode bodies). */
function event(method: string, path: string, body?: string): HttpEvent {
  return {
    rawPath: path,
    ...(body !== undefined ? { body: Buffer.from(body).toString('base64'), isBase64Encoded: true } : {}),
    requestContext: { http: { method, path } },
  };
}

async function invoke(request: HttpEvent) {
  const { service, starts } = unconfiguredFunction();
  const errors: unknown[] = [];
  const sink = bufferedSink();
  await handleChatEvent(request, service, sink, { onError: (e) => errors.push(e) });
  return { ...sink.response, json: JSON.parse(sink.response.body) as unknown, starts, errors };
}

describe('the chat function (function URL events)', () => {
  it.each([
    ['a body that is not JSON', '{"question":', 'body', /body is not JSON/],
    ['an empty body', '', 'body', /body is missing/],
    ['no question', '{}', 'body.question', /body\.question is invalid/],
    ['a blank question', '{"question":"   "}', 'body.question', /ask a question/],
    [
      `a question of ${MAX_CHAT_QUESTION_LENGTH + 1} characters`,
      JSON.stringify({ question: 'x'.repeat(MAX_CHAT_QUESTION_LENGTH + 1) }),
      'body.question',
      new RegExp(`at most ${MAX_CHAT_QUESTION_LENGTH} characters`),
    ],
    ['a conversation id that is no UUID', '{"question":"hi","conversationId":"../etc"}', 'body.conversationId', /UUID/],
    ['an unknown key', '{"question":"hi","model":"x"}', 'body.model', /body\.model is invalid/],
  ])(
    'answers POST /api/chat with %s by the API’s 400 naming the field, before starting the assistant',
    async (_, body, field, message) => {
      const response = await invoke(event('POST', ROUTES.chat.path, body));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(ApiErrorSchema.parse(response.json).error).toEqual({
        kind: 'bad-request',
        field,
        message: expect.stringMatching(message),
      });
      expect(response.starts).toEqual([]);
    },
  );

  it('answers GET /api/chat/info with Bedrock, its model and why it cannot answer yet', async () => {
    const response = await invoke(event('GET', ROUTES.chatInfo.path));
    expect(response.statusCode).toBe(200);
    const info = ChatInfoSchema.parse(response.json);
    expect(info).toMatchObject({ provider: CHAT_LAMBDA_PROVIDER, model: MODEL, ready: false, starters: [] });
    expect(info.reason).toContain(`needs ${CHAT_LAMBDA_ENV.modelId}`);
    expect(response.errors).toHaveLength(1);
  });

  it('answers a question it cannot start an assistant for with the API’s 503, naming the missing setting', async () => {
    const response = await invoke(event('POST', ROUTES.chat.path, '{"question":"How many orders?"}'));
    expect(response.statusCode).toBe(503);
    const { error } = ApiErrorSchema.parse(response.json);
    expect(error).toMatchObject({ kind: 'unavailable', field: null });
    expect(error.message).toContain(`needs ${CHAT_LAMBDA_ENV.modelId}`);
    expect(response.errors).toHaveLength(1);
  });

  it.each([
    ['GET', ROUTES.chat.path],
    ['POST', ROUTES.chatInfo.path],
    ['GET', '/api/chat/history'],
  ])('answers %s %s (no such route) with a 404 naming the routes it has', async (method, path) => {
    const response = await invoke(event(method, path, method === 'POST' ? '{"question":"hi"}' : undefined));
    expect(response.statusCode).toBe(404);
    const { error } = ApiErrorSchema.parse(response.json);
    expect(error).toMatchObject({ kind: 'not-found', field: 'path' });
    expect(error.message).toContain(`No route ${method} ${path}`);
    expect(error.message).toContain(`POST ${ROUTES.chat.path} and GET ${ROUTES.chatInfo.path}`);
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
