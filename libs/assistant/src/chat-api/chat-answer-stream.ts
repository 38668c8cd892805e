import { type ChatEvent, type ChatProvider, chatEventFrame } from '@autocorp/platform-client';
import type { AskResult, Assistant } from '../assistant';
import { type ChatFailure, chatFailure } from './chat-failure';

export interface ChatQuestion {
  readonly question: string;
  readonly conversationId?: string | undefined;
}

/**
 * POST /api/chat's answer: the server-sent event stream, or the failure that came before any event (the route
 * answers it as a JSON error with its status; `cause` is the assistant's error).
 */
export type ChatAnswerStream =
  | { readonly ok: true; readonly body: ReadableStream<Uint8Array> }
  | { readonly ok: false; readonly failure: ChatFailure; readonly cause: unknown };

const encoder = new TextEncoder();

type Outcome = { readonly ok: true; readonly result: AskResult } | { readonly ok: false; readonly error: unknown };

/**
 * Asks the assistant and streams the answer's events as server-sent events as they come (tool calls, tool
 * results, text deltas), then `answer` with the conversation id. The status is decided by the first event: a
 * failure before any event is returned (502 for the provider), a failure after it is an `error` event. The answer
 * is aborted when the client goes away (`signal`, or the stream cancelled).
 */
export async function streamChatAnswer(
  assistant: Assistant,
  question: ChatQuestion,
  signal: AbortSignal,
): Promise<ChatAnswerStream> {
  const provider: ChatProvider = assistant.provider.name;
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop, { once: true });
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => ((open = false), stop()),
  });
  const send = (event: ChatEvent) => open && controller.enqueue(encoder.encode(chatEventFrame(event)));
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
      return { ok: false, failure: chatFailure(settled.error, provider), cause: settled.error };
    }
  }
  void outcome.then((settled) => {
    if (settled.ok)
      send({ type: 'answer', conversationId: settled.result.conversationId, answer: settled.result.answer });
    else if (!abort.signal.aborted) send({ type: 'error', provider, ...chatFailure(settled.error, provider) });
    close();
  });
  return { ok: true, body };
}
