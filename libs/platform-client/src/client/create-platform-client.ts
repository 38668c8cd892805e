import type { z } from 'zod';
import { ApiErrorSchema } from '../contract/api-error';
import type { ChatRequest, ChatResult } from '../contract/chat';
import type { PlatformEvent } from '../contract/platform-events';
import type { RouteDefinition } from '../contract/route';
import { ROUTES, type Routes } from '../contract/routes';
import { type ChatOptions, askChat } from './ask-chat';
import { payloadHashHeader } from './payload-hash';
import { PlatformClientError } from './platform-client-error';
import { routeUrl } from './route-url';
import { type SubscribeOptions, type Subscription, subscribeEvents } from './subscribe-events';

/** Whether an input part must be given: it has a key that is not optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type HasKeys<T> = {} extends T ? false : true;

/** What a call of a route takes: its path parameters (when it has any), query and body (when it has one). */
export type RouteInput<R extends RouteDefinition> = (HasKeys<z.input<R['params']>> extends true
  ? { readonly params: z.input<R['params']> }
  : { readonly params?: undefined }) & { readonly query?: z.input<R['query']> } & (R['body'] extends z.ZodType
    ? { readonly body: z.input<R['body']> }
    : { readonly body?: undefined });

export type RouteOutput<R extends RouteDefinition> = z.output<R['response']>;

type NeedsInput<R extends RouteDefinition> =
  HasKeys<z.input<R['params']>> extends true ? true : R['body'] extends z.ZodType ? true : false;

type RouteCall<R extends RouteDefinition> =
  NeedsInput<R> extends true
    ? (input: RouteInput<R>) => Promise<RouteOutput<R>>
    : (input?: RouteInput<R>) => Promise<RouteOutput<R>>;

/** The routes answered by a JSON call (the event streams have `subscribe` and `chat`). */
export type CallableRouteName = Exclude<keyof Routes, 'events' | 'chat'>;
export type CsvRouteName = {
  [K in CallableRouteName]: Routes[K]['answer'] extends 'json-or-csv' ? K : never;
}[CallableRouteName];

export type PlatformClient = { readonly [K in CallableRouteName]: RouteCall<Routes[K]> } & {
  /** The rows of a CSV-capable route (`format=csv`) as CSV text. */
  csv<K extends CsvRouteName>(name: K, input: RouteInput<Routes[K]>): Promise<string>;
  /** The URL that downloads a CSV-capable GET route as CSV (for a link). */
  csvUrl<K extends CsvRouteName>(name: K, input: RouteInput<Routes[K]>): string;
  /** Live events (GET /api/events), reconnecting with Last-Event-ID. */
  subscribe(onEvent: (event: PlatformEvent, id: string | undefined) => void, options?: SubscribeOptions): Subscription;
  /**
   * Asks the assistant (POST /api/chat): its events stream to `onEvent`; resolves with the final answer and
   * the conversation id to send with a follow-up. Rejects with `http` (400 naming the field, 404 unknown
   * conversation, 502 provider), `provider-failed` (the provider failed mid-answer) or `cancelled`.
   */
  chat(request: ChatRequest, options?: ChatOptions): Promise<ChatResult>;
};

export interface PlatformClientOptions {
  /** Where the API is, e.g. `http://127.0.0.1:4000`. */
  readonly baseUrl: string;
  /** Default the global fetch. */
  readonly fetch?: typeof fetch;
}

interface AnyInput {
  readonly params?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

async function send(
  options: Required<PlatformClientOptions>,
  route: RouteDefinition,
  input: AnyInput,
  format: 'json' | 'csv' | 'event-stream',
  signal?: AbortSignal,
): Promise<Response> {
  const query = format === 'csv' ? { ...input.query, format: 'csv' } : input.query;
  const accept = { json: 'application/json', csv: 'text/csv', 'event-stream': 'text/event-stream' }[format];
  const url = routeUrl(options.baseUrl, route, input.params, query);
  const body = input.body !== undefined ? JSON.stringify(input.body) : undefined;
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: route.method.toUpperCase(),
      headers: {
        accept,
        ...(body !== undefined ? { 'content-type': 'application/json', ...(await payloadHashHeader(body)) } : {}),
      },
      ...(body !== undefined ? { body } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted)
      throw new PlatformClientError('cancelled', `${route.method.toUpperCase()} ${url} was cancelled.`, { cause });
    throw new PlatformClientError(
      'network',
      `The platform API at ${options.baseUrl} cannot be reached (${(cause as Error).message}): start it with "autocorp up" or "autocorp serve".`,
      { cause },
    );
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const parsed = ApiErrorSchema.safeParse(body);
    const message = parsed.success ? parsed.data.error.message : text.slice(0, 500);
    throw new PlatformClientError(
      'http',
      `${route.method.toUpperCase()} ${url} answered ${response.status}: ${message}`,
      {
        status: response.status,
        field: parsed.success ? parsed.data.error.field : null,
        ...(parsed.success ? { apiKind: parsed.data.error.kind } : {}),
      },
    );
  }
  return response;
}

async function callJson(options: Required<PlatformClientOptions>, route: RouteDefinition, input: AnyInput) {
  const response = await send(options, route, input, 'json');
  const parsed = route.response.safeParse(await response.json());
  if (!parsed.success) {
    throw new PlatformClientError(
      'invalid-response',
      `${route.path} answered a body the contract does not allow (${parsed.error.message}); client and server versions differ.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** A typed client of the platform API: one method per route, checked against the contract both ways. */
export function createPlatformClient(clientOptions: PlatformClientOptions): PlatformClient {
  const options: Required<PlatformClientOptions> = {
    baseUrl: clientOptions.baseUrl,
    fetch: clientOptions.fetch ?? ((input, init) => fetch(input, init)),
  };
  const client: Record<string, unknown> = {
    csv: async (name: CsvRouteName, input: AnyInput) => (await send(options, ROUTES[name], input, 'csv')).text(),
    csvUrl: (name: CsvRouteName, input: AnyInput) =>
      routeUrl(options.baseUrl, ROUTES[name], input.params, { ...input.query, format: 'csv' }),
    chat: (request: ChatRequest, chatOptions: ChatOptions = {}) =>
      askChat(
        routeUrl(options.baseUrl, ROUTES.chat),
        (signal) => send(options, ROUTES.chat, { body: request }, 'event-stream', signal),
        chatOptions,
      ),
    subscribe: (onEvent: (event: PlatformEvent, id: string | undefined) => void, subscribeOptions?: SubscribeOptions) =>
      subscribeEvents(options.baseUrl, options.fetch, onEvent, subscribeOptions),
  };
  for (const [name, route] of Object.entries(ROUTES)) {
    if (route.answer === 'event-stream') continue;
    client[name] = (input: AnyInput = {}) => callJson(options, route, input);
  }
  return client as PlatformClient;
}
