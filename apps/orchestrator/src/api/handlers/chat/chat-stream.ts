import { type Assistant, type ChatQuestion, streamChatAnswer } from '@autocorp/assistant';
import { CHAT_STREAM_HEADERS } from '@autocorp/platform-client';
import { ApiError } from '../../api-error';

/**
 * POST /api/chat's answer (streamChatAnswer, shared with the chat Lambda): a text/event-stream of the answer's
 * events, or an ApiError when the assistant failed before the first event (502 for the provider).
 */
export async function chatStreamResponse(
  assistant: Assistant,
  question: ChatQuestion,
  signal: AbortSignal,
): Promise<Response> {
  const stream = await streamChatAnswer(assistant, question, signal);
  if (!stream.ok) throw new ApiError(stream.failure.kind, stream.failure.message, null, { cause: stream.cause });
  return new Response(stream.body, { headers: CHAT_STREAM_HEADERS });
}
