import type { EventLog, LoggedEvent } from './event-log';

export interface EventStreamOptions {
  readonly log: EventLog;
  /** The Last-Event-ID the client sent: the events after it that the log still holds are sent first. */
  readonly lastEventId: string | undefined;
  /** A comment line every this many ms keeps proxies and clients from timing out. */
  readonly heartbeatMs: number;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Registers the stream's closer, so the server can end every open stream when it stops. */
  readonly track: (close: () => void) => () => void;
}

const encoder = new TextEncoder();

function frame(entry: LoggedEvent): Uint8Array {
  return encoder.encode(`id: ${entry.id}\nevent: ${entry.event.type}\ndata: ${JSON.stringify(entry.event)}\n\n`);
}

/** A text/event-stream response of the live events: `id:` for resume, `event:` the event type, `data:` its JSON. */
export function eventStreamResponse(options: EventStreamOptions): Response {
  let cleanup = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (bytes: Uint8Array) => {
        if (open) controller.enqueue(bytes);
      };
      send(encoder.encode(`retry: 1000\n: connected\n\n`));
      for (const entry of options.log.after(options.lastEventId)) send(frame(entry));
      const unlisten = options.log.listen((entry) => send(frame(entry)));
      const heartbeat = setInterval(() => send(encoder.encode(`: heartbeat ${Date.now()}\n\n`)), options.heartbeatMs);
      const close = () => {
        if (!open) return;
        open = false;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const untrack = options.track(close);
      cleanup = () => {
        open = false;
        unlisten();
        clearInterval(heartbeat);
        untrack();
        options.signal.removeEventListener('abort', close);
      };
      options.signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
