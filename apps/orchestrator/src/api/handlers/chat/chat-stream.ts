import { type Assistant, type AskResult, isAssistantError } from '@autocorp/assistant';
import type { ChatEvent, ChatProvider } from '@autocorp/platform-client';
import { ApiError } from '../../api-error';

export interface ChatQuestion {
  readonly question: string;
  readonly conversationId?: string | undefined;
}

const encoder = new TextEncoder();

/** One server-sent event: the event name is the chat event's type, the data its JSON (one line). */
function frame(event: ChatEvent): Uint8Array {
  return encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** An assistant failure as the API answers it before the stream began: the provider's failure is a 502. */
export function chatApiError(error: unknown, provider: ChatProvider): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!isAssistantError(error))
    return new ApiError('internal', `The assistant failed: ${message}`, null, { cause: error });
  switch (error.kind) {
    case 'provider-failed':
      return new ApiError('provider-failed', message, null, { cause: error });
    case 'tool-timeout':
      return new ApiError('timeout', message, null, { cause: error });
    case 'cancelled':
      return new ApiError('unavailable', `The question was cancelled (${provider} provider).`, null, { cause: error });
    default:
      return new ApiError('internal', message, null, { cause: error });
  }
}

type Outcome = { readonly ok: true; readonly result: AskResult } | { readonly ok: false; readonly error: unknown };

/**
 * Asks the assistant and answers with a text/event-stream of the answer's events as they come (tool calls,
 * tool results, text deltas), then `answer` with the conversation id. The status is decided by the first
 * event: a failure before any event is an ApiError (502 for the provider), a failure after it an `error`
 * event. The answer is aborted when the client goes away (`signal`, or the stream cancelled).
 */
export async function chatStreamResponse(
  assistant: Assistant,
  question: ChatQuestion,
  signal: AbortSignal,
): Promise<Response> {
  const provider = assistant.provider.name;
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop, { once: true });
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => ((open = false), stop()),
  });
  const send = (event: ChatEvent) => open && controller.enqueue(frame(event));
  const close = () => {
    signal.removeEventListener('abort', stop);
    if (!open) return;
    open = false;
    controller.close();
  };

  let began = false;
  let begin = () => undefined as void;
  const firstEvent = new Promise<void>((resolve) => (begin = resolve));
  const outcome: Promise<Outcome> = assistant
    .ask(question.question, {
      ...(question.conversationId ? { conversationId: question.conversationId } : {}),
      signal: abort.signal,
      onEvent: (event) => {
        if (event.type === 'answer') return;
        began = true;
        send(event);
        begin();
      },
    })
    .then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );

  await Promise.race([firstEvent, outcome]);
  if (!began) {
    const settled = await outcome;
    if (!settled.ok) {
      close();
      throw chatApiError(settled.error, provider);
    }
  }
  void outcome.then((settled) => {
    if (settled.ok)
      send({ type: 'answer', conversationId: settled.result.conversationId, answer: settled.result.answer });
    else if (!abort.signal.aborted) {
      const error = chatApiError(settled.error, provider);
      send({ type: 'error', kind: error.kind, provider, message: error.message });
    }
    close();
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
}
