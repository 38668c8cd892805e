import { isAssistantError } from '../assistant-error';
import type { Answer, AnswerEvent } from '../contract/answer';
import { type HttpEvent, parseChatRequest } from './chat-request';

/** Answers questions within conversations: what the chat handler needs from the assistant. */
export interface ChatService {
  ask(
    question: string,
    conversationId: string | undefined,
    options: { readonly onEvent: (event: AnswerEvent) => void; readonly signal?: AbortSignal },
  ): Promise<{ readonly conversationId: string; readonly answer: Answer }>;
}

/** Where the handler writes its response: a status and headers first, then lines. */
export interface ResponseSink {
  start(statusCode: number, headers: Record<string, string>): void;
  write(line: string): void;
  end(): void;
}

/** The NDJSON lines the chat endpoint streams: the answer's events, the last one with the conversation id. */
export type ChatLine =
  | Exclude<AnswerEvent, { type: 'answer' }>
  | { readonly type: 'answer'; readonly conversationId: string; readonly answer: Answer }
  | { readonly type: 'error'; readonly kind: string; readonly message: string };

const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };

/**
 * The chat endpoint: parses `{question, conversationId?}`, asks the assistant, and streams NDJSON lines
 * (tool calls, tool results, text deltas, then `answer` with the conversation id to send with a follow-up).
 * A bad request answers 400 with one `error` line; a failure after streaming began ends with an `error` line.
 */
export async function handleChatEvent(
  event: HttpEvent,
  service: ChatService,
  sink: ResponseSink,
  signal?: AbortSignal,
): Promise<void> {
  const line = (value: ChatLine) => sink.write(`${JSON.stringify(value)}\n`);
  let request;
  try {
    request = parseChatRequest(event);
  } catch (error) {
    sink.start(400, NDJSON);
    line({ type: 'error', kind: 'bad-request', message: error instanceof Error ? error.message : String(error) });
    sink.end();
    return;
  }
  sink.start(200, NDJSON);
  try {
    const { conversationId, answer } = await service.ask(request.question, request.conversationId, {
      onEvent: (e) => {
        if (e.type !== 'answer') line(e);
      },
      ...(signal ? { signal } : {}),
    });
    line({ type: 'answer', conversationId, answer });
  } catch (error) {
    line({
      type: 'error',
      kind: isAssistantError(error) ? error.kind : 'internal',
      message: isAssistantError(error) ? error.message : 'The assistant failed; the error is in the function log.',
    });
    if (!isAssistantError(error)) console.error(error);
  } finally {
    sink.end();
  }
}
