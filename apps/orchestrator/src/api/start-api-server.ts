import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Context } from 'hono';
import { buildApiApp } from './api-app';
import { ApiContext } from './api-context';
import { ApiError } from './api-error';
import { classifyError } from './classify-error';
import { EventLog } from './events/event-log';
import { eventStreamResponse } from './events/event-stream';
import { cdcHandler } from './handlers/cdc-handler';
import { chatHandlers } from './handlers/chat/chat-handlers';
import { type ChatSettings, LOCAL_CHAT } from './handlers/chat/chat-settings';
import { etlHandlers } from './handlers/etl-handlers';
import { metricsHandler } from './handlers/metrics-handler';
import { queryHandlers } from './handlers/query-handlers';
import { statusHandlers } from './handlers/status-handlers';
import { tableCountsHandler } from './handlers/table-counts';
import { tableHandlers } from './handlers/table-handlers';
import { MetricsHistory } from './metrics/metrics-history';
import type { PlatformRuntime } from './platform-runtime';
import { serveWebApp } from './web/serve-web-app';
import { BUILD_CHAT_APP_COMMAND, CHAT_APP_PATH, chatAppRoot, webAppRoot } from './web/web-app-root';

export interface ApiServerOptions {
  readonly runtime: PlatformRuntime;
  /** Default 127.0.0.1 (only this machine). */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Aborting closes the server. */
  readonly signal?: AbortSignal;
  /** Event stream heartbeat; default 15 s. */
  readonly heartbeatMs?: number;
  /** Metrics history: bucket width (default 10 s) and buckets kept (default 8640). */
  readonly metrics?: { readonly bucketMs?: number; readonly maxBuckets?: number; readonly flushMs?: number };
  readonly now?: () => number;
  /** The chat endpoint's provider and limits (the `assistant.*` configuration); default the local provider. */
  readonly chat?: ChatSettings;
  /** Errors the API answered with a 5xx, and metrics that could not be saved (for the log). */
  readonly onError?: (error: Error) => void;
  /** The ops dashboard's static export served at `/`; default apps/ops-dashboard/out, null serves none. */
  readonly webRoot?: string | null;
  /** The chat app's static export served at `/chat/`; default apps/chat/out, null serves none. */
  readonly chatRoot?: string | null;
}

export interface ApiServer {
  /** `http://host:port` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the platform API over a runtime: every route of the contract, /openapi.json, the event
 * stream; records the metrics history from the runtime's events and saves it every `flushMs` and on close.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const onError = options.onError ?? (() => undefined);
  const metrics = await MetricsHistory.open({ store: options.runtime.store, ...options.metrics });
  const context = new ApiContext(options.runtime, metrics, startedAt, now);
  const log = new EventLog(startedAt.toString(36));
  const unsubscribe = options.runtime.subscribe((event) => {
    log.append(event);
    metrics.record(event);
    context.tableCounts.observe(event);
  });
  const streams = new Set<() => void>();
  const webRoot = options.webRoot === undefined ? webAppRoot() : options.webRoot;
  const chatRoot = options.chatRoot === undefined ? chatAppRoot() : options.chatRoot;
  const chatWeb = chatRoot
    ? serveWebApp(chatRoot, { basePath: CHAT_APP_PATH, name: 'The chat app', buildCommand: BUILD_CHAT_APP_COMMAND })
    : undefined;
  const dashboardWeb = webRoot ? serveWebApp(webRoot) : undefined;
  const chat = chatHandlers(context, options.chat ?? LOCAL_CHAT);
  const app = buildApiApp({
    handlers: {
      ...statusHandlers(context),
      ...cdcHandler(context),
      ...etlHandlers(context),
      ...tableHandlers(context),
      ...tableCountsHandler(context),
      ...queryHandlers(context),
      ...metricsHandler(context),
      ...chat.handlers,
    },
    streams: {
      events: (input, c) =>
        eventStreamResponse({
          log,
          lastEventId: c.req.header('last-event-id'),
          heartbeatMs: options.heartbeatMs ?? 15_000,
          signal: input.signal,
          track: (close) => (streams.add(close), () => void streams.delete(close)),
        }),
      chat: chat.stream,
    },
    classifyError,
    ...(chatWeb || dashboardWeb
      ? { web: async (c: Context) => (await chatWeb?.(c)) ?? (await dashboardWeb?.(c)) }
      : {}),
    onError: (error: ApiError) => {
      if (error.status >= 500) onError(error);
    },
  });
  const flush = () => metrics.flush().catch((error: Error) => onError(error));
  const flushTimer = setInterval(flush, options.metrics?.flushMs ?? 5_000);
  flushTimer.unref();

  const server = createAdaptorServer({ fetch: app.fetch });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        new ApiError(
          'unavailable',
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${host} is in use: stop what holds it or pick another port (--port).`
            : `The API cannot listen on ${host}:${options.port}: ${error.message}`,
          null,
          { cause: error },
        ),
      );
    };
    server.once('error', failed);
    server.listen(options.port, host, () => (server.off('error', failed), resolve()));
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(flushTimer);
      unsubscribe();
      for (const end of [...streams]) end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await context.close();
      await flush();
    })());
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  return { url, close };
}
