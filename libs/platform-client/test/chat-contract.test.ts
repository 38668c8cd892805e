import { describe, expect, it } from 'vitest';
import { ChatEventSchema, ChatRequestSchema, MAX_CHAT_QUESTION_LENGTH } from '../src/contract/chat';
import { buildOpenApiDocument } from '../src/openapi/build-openapi-document';

describe('the chat contract', () => {
  const document = buildOpenApiDocument();

  it('declares POST /api/chat as a server-sent event stream of chat events, with its 404 and 502 answers', () => {
    const chat = document.paths['/api/chat']?.post;
    expect(chat?.operationId).toBe('chat');
    expect(chat?.responses['200']?.content['text/event-stream']?.schema).toMatchObject({ oneOf: expect.any(Array) });
    expect(chat?.requestBody?.content['application/json']?.schema).toMatchObject({
      required: ['question'],
      additionalProperties: false,
    });
    expect(Object.keys(chat?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404', '502']));
    expect(document.paths['/api/chat/info']?.get?.operationId).toBe('chatInfo');
  });

  it('takes a question of 1..2000 characters (trimmed) and a UUID conversation id, naming the bad field', () => {
    expect(ChatRequestSchema.parse({ question: '  oil change parts? ' })).toEqual({ question: 'oil change parts?' });
    const bad = (body: unknown) => ChatRequestSchema.safeParse(body).error?.issues[0]?.path.join('.');
    expect(bad({ question: '   ' })).toBe('question');
    expect(bad({ question: 'x'.repeat(MAX_CHAT_QUESTION_LENGTH + 1) })).toBe('question');
    expect(ChatRequestSchema.safeParse({ question: 'x'.repeat(MAX_CHAT_QUESTION_LENGTH) }).success).toBe(true);
    expect(bad({ question: 'why?', conversationId: 'abc' })).toBe('conversationId');
    expect(ChatRequestSchema.safeParse({ question: 'q', conversationId: crypto.randomUUID() }).success).toBe(true);
  });

  it('ends a stream with `answer` carrying the conversation id, or `error` naming the provider', () => {
    const answer = {
      text: 't',
      citations: [{ kind: 'table', table: 'sales_order', commit: null }],
      sql: ['SELECT 1'],
      provider: 'local',
      outcome: 'answered',
    };
    expect(ChatEventSchema.safeParse({ type: 'answer', answer }).success).toBe(false);
    expect(ChatEventSchema.safeParse({ type: 'answer', answer, conversationId: crypto.randomUUID() }).success).toBe(
      true,
    );
    expect(ChatEventSchema.safeParse({ type: 'error', kind: 'provider-failed', message: 'm' }).success).toBe(false);
    expect(
      ChatEventSchema.safeParse({ type: 'error', kind: 'provider-failed', provider: 'bedrock', message: 'm' }).success,
    ).toBe(true);
  });
});
