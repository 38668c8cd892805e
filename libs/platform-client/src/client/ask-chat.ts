import { type ChatEvent, ChatEventSchema, type ChatResult } from '../contract/chat';
import { PlatformClientError } from './platform-client-error';
import { SseParser } from './sse-parser';

export interface ChatOptions {
  /** Each event as it streams (tool calls, tool results, text deltas, then `answer`), checked against the contract. */
  readonly onEvent?: (event: ChatEvent) => void;
  /** Aborting stops the answer (the server stops working on it too). */
  readonly signal?: AbortSignal;
}

function invalid(url: string, what: string, cause: unknown): PlatformClientError {
  return new PlatformClientError('invalid-response', `An event of ${url} ${what}; client and server versions differ.`, {
    cause,
  });
}

/**
 * POST /api/chat (`send` posts the question): streams the answer's events to `onEvent` and resolves with the final answer and its
 * conversation id. A provider failure rejects with a `provider-failed` error naming the provider.
 */
export async function askChat(
  url: string,
  send: (signal: AbortSignal | undefined) => Promise<Response>,
  options: ChatOptions = {},
): Promise<ChatResult> {
  const response = await send(options.signal);
  if (!response.body) throw new PlatformClientError('network', `${url} answered without a body.`);
  let result: ChatResult | undefined;
  let failure: PlatformClientError | undefined;
  const parser = new SseParser((message) => {
    if (result || failure) return;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch (cause) {
      failure = invalid(url, 'is not JSON', cause);
      return;
    }
    const parsed = ChatEventSchema.safeParse(data);
    if (!parsed.success) {
      failure = invalid(url, `does not match the contract (${parsed.error.message})`, parsed.error);
      return;
    }
    const event = parsed.data;
    options.onEvent?.(event);
    if (event.type === 'answer') result = { conversationId: event.conversationId, answer: event.answer };
    if (event.type === 'error')
      failure = new PlatformClientError('provider-failed', `The ${event.provider} provider failed: ${event.message}`, {
        status: response.status,
        provider: event.provider,
      });
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
      if (result || failure) break;
    }
  } catch (cause) {
    if (options.signal?.aborted)
      throw new PlatformClientError('cancelled', `The question to ${url} was cancelled.`, { cause });
    throw new PlatformClientError('network', `The answer stream of ${url} broke (${(cause as Error).message}).`, {
      cause,
    });
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  parser.push('\n\n');
  if (failure) throw failure;
  if (!result) throw new PlatformClientError('network', `${url} ended the answer stream before its answer.`);
  return result;
}
