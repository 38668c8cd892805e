import {
  API_ERROR_STATUS,
  type ApiErrorBody,
  type ApiErrorKind,
  CHAT_STREAM_HEADERS,
  type ChatInfo,
  ChatInfoSchema,
  ROUTES,
  type RequestIssue,
  parseJsonBody,
  parseRequestPart,
} from '@autocorp/platform-client';
import { streamChatAnswer } from '../chat-api/chat-answer-stream';
import { chatFailure } from '../chat-api/chat-failure';
import { chatStarters } from '../chat-api/chat-starters';
import { type HttpEvent, eventBody, eventRoute } from './chat-request';
import { CHAT_LAMBDA_PROVIDER, type ChatLambdaAssistant, type ChatLambdaService } from './lambda-chat-service';

/** Where the handler writes its response: a status and headers first, then the body in chunks. */
export interface ResponseSink {
  start(statusCode: number, headers: Record<string, string>): void;
  write(chunk: string | Uint8Array): void;
  end(): void;
}

export interface ChatEventOptions {
  /** Aborts the answer (the client went away). */
  readonly signal?: AbortSignal;
  /** Failures answered with a 5xx or a not-ready info, with their cause (the Lambda logs them). */
  readonly onError?: (error: unknown) => void;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function sendJson(sink: ResponseSink, status: number, body: unknown): void {
  sink.start(status, JSON_HEADERS);
  sink.write(JSON.stringify(body));
  sink.end();
}

function sendError(sink: ResponseSink, kind: ApiErrorKind, message: string, field: string | null = null): void {
  const body: ApiErrorBody = { error: { kind, message, field } };
  sendJson(sink, API_ERROR_STATUS[kind], body);
}

const sendIssue = (sink: ResponseSink, issue: RequestIssue) =>
  sendError(sink, 'bad-request', issue.message, issue.field);

/** Why the assistant cannot answer, and what to do. */
function notReady(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The chat function's assistant cannot start (${message}): check the Chat stack's settings and that the lake's curated tables are in the catalog, then ask again.`;
}

/** The assistant, or undefined after answering 503 (and reporting the cause). */
async function readyAssistant(
  service: ChatLambdaService,
  sink: ResponseSink,
  onError: (error: unknown) => void,
): Promise<ChatLambdaAssistant | undefined> {
  try {
    return await service.assistant();
  } catch (error) {
    onError(error);
    sendError(sink, 'unavailable', notReady(error));
    return undefined;
  }
}

/** GET /api/chat/info: Bedrock and its model, whether the assistant can answer, starter questions from the data. */
async function chatInfo(service: ChatLambdaService, signal: AbortSignal, onError: (e: unknown) => void) {
  const base = { provider: CHAT_LAMBDA_PROVIDER, model: service.model };
  let ready: ChatLambdaAssistant;
  try {
    ready = await service.assistant();
  } catch (error) {
    onError(error);
    return { ...base, ready: false, reason: notReady(error), starters: [] } satisfies ChatInfo;
  }
  const starters = await chatStarters(ready.assistant, ready.executor, signal);
  return ChatInfoSchema.parse({ ...base, ready: true, reason: null, starters });
}

/** POST /api/chat: the contract's request, then the answer's server-sent events (or a JSON error before them). */
async function chat(
  event: HttpEvent,
  service: ChatLambdaService,
  sink: ResponseSink,
  options: Required<ChatEventOptions>,
) {
  const json = parseJsonBody(eventBody(event));
  if (!json.ok) return sendIssue(sink, json.issue);
  const request = parseRequestPart('body', ROUTES.chat.body, json.data);
  if (!request.ok) return sendIssue(sink, request.issue);
  const ready = await readyAssistant(service, sink, options.onError);
  if (!ready) return;
  const { conversationId } = request.data;
  if (conversationId !== undefined && !(await ready.assistant.conversation(conversationId, { signal: options.signal })))
    return sendError(
      sink,
      'not-found',
      `body.conversationId: the conversation ${conversationId} is not known (it went unused for longer than a conversation is kept); leave conversationId out to start a new conversation.`,
      'body.conversationId',
    );
  const stream = await streamChatAnswer(ready.assistant, request.data, options.signal);
  if (!stream.ok) {
    if (API_ERROR_STATUS[stream.failure.kind] >= 500) options.onError(stream.cause);
    return sendError(sink, stream.failure.kind, stream.failure.message);
  }
  sink.start(200, CHAT_STREAM_HEADERS);
  const reader = stream.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) sink.write(next.value);
  sink.end();
}

/**
 * The chat function (CloudFront sends /api/chat* to its URL): the platform API's chat routes with the same
 * contract (libs/platform-client) as `autocorp serve`: GET /api/chat/info as JSON, POST /api/chat as server-sent
 * events, errors as the API's JSON error body (400 naming the field, 404, 502 for the provider...).
 */
export async function handleChatEvent(
  event: HttpEvent,
  service: ChatLambdaService,
  sink: ResponseSink,
  options: ChatEventOptions = {},
): Promise<void> {
  const resolved = { signal: options.signal ?? new AbortController().signal, onError: options.onError ?? (() => {}) };
  const { method, path } = eventRoute(event);
  let started = false;
  const response: ResponseSink = {
    start: (status, headers) => ((started = true), sink.start(status, headers)),
    write: (chunk) => sink.write(chunk),
    end: () => sink.end(),
  };
  try {
    if (method === 'GET' && path === ROUTES.chatInfo.path)
      return sendJson(response, 200, await chatInfo(service, resolved.signal, resolved.onError));
    if (method === 'POST' && path === ROUTES.chat.path) return await chat(event, service, response, resolved);
    sendError(
      response,
      'not-found',
      `No route ${method} ${path}: the chat function answers POST ${ROUTES.chat.path} and GET ${ROUTES.chatInfo.path}.`,
      'path',
    );
  } catch (error) {
    resolved.onError(error);
    // A failure once the answer began (the client went away) can only end it.
    if (started) return sink.end();
    const failure = chatFailure(error, CHAT_LAMBDA_PROVIDER);
    sendError(sink, failure.kind, failure.message);
  }
}
