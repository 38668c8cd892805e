import { type PlatformEvent, PlatformEventSchema } from '../contract/platform-events';
import { ApiErrorSchema } from '../contract/api-error';
import { ROUTES } from '../contract/routes';
import { PlatformClientError } from './platform-client-error';
import { routeUrl } from './route-url';
import { SseParser } from './sse-parser';

export interface SubscribeOptions {
  /** Called when the stream is open (again, after a reconnect). */
  readonly onOpen?: () => void;
  /**
   * Called when the stream breaks or an event does not match the contract; the client reconnects, except after
   * a `local-only` answer (a profile without live events), which is reported once and ends the subscription.
   */
  readonly onError?: (error: PlatformClientError) => void;
  /** Resume after this event id (the server replays what it still holds after it). */
  readonly lastEventId?: string;
  /** Wait before reconnecting, unless the server said otherwise (`retry:`); default 1000 ms. */
  readonly reconnectMs?: number;
}

export interface Subscription {
  /** Stops the stream; no callback is called afterwards. */
  close(): void;
}

/**
 * Streams the API's live events (GET /api/events) to `onEvent`, each checked against the contract,
 * reconnecting with Last-Event-ID when the stream breaks. Works in browsers and Node (fetch streams).
 */
export function subscribeEvents(
  baseUrl: string,
  fetchImpl: typeof fetch,
  onEvent: (event: PlatformEvent, id: string | undefined) => void,
  options: SubscribeOptions = {},
): Subscription {
  const abort = new AbortController();
  let lastEventId = options.lastEventId;
  let retryMs = options.reconnectMs ?? 1000;
  const url = routeUrl(baseUrl, ROUTES.events);

  const report = (error: PlatformClientError) => {
    if (!abort.signal.aborted) options.onError?.(error);
  };

  const parser = new SseParser((message) => {
    if (message.retry !== undefined) retryMs = message.retry;
    if (message.id !== undefined) lastEventId = message.id;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.data);
    } catch (cause) {
      return report(new PlatformClientError('invalid-response', `An event of ${url} is not JSON.`, { cause }));
    }
    const event = PlatformEventSchema.safeParse(parsed);
    if (!event.success) {
      return report(
        new PlatformClientError(
          'invalid-response',
          `An event of ${url} does not match the contract: ${event.error.message}`,
          {
            cause: event.error,
          },
        ),
      );
    }
    if (!abort.signal.aborted) onEvent(event.data, message.id);
  });

  const connect = async (): Promise<void> => {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const response = await fetchImpl(url, { headers, signal: abort.signal });
    if (!response.ok || !response.body) {
      const body = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
      throw new PlatformClientError(
        'http',
        `${url} answered ${response.status} instead of an event stream${body.success ? `: ${body.data.error.message}` : '.'}`,
        { status: response.status, ...(body.success ? { apiKind: body.data.error.kind } : {}) },
      );
    }
    options.onOpen?.();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  };

  const loop = async () => {
    while (!abort.signal.aborted) {
      try {
        await connect();
        report(new PlatformClientError('network', `${url} closed the event stream; reconnecting.`));
      } catch (error) {
        if (abort.signal.aborted) return;
        // A profile without live events (aws) says so once; reconnecting would not change it.
        if (error instanceof PlatformClientError && error.localOnly) return report(error);
        report(
          error instanceof PlatformClientError
            ? error
            : new PlatformClientError(
                'network',
                `${url} cannot be reached (${(error as Error).message}); reconnecting.`,
                {
                  cause: error,
                },
              ),
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryMs);
        abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  };
  void loop();
  return { close: () => abort.abort() };
}
