import type { ChatEvent } from './chat';

/** The headers of POST /api/chat's answer: a server-sent event stream that no proxy may buffer or cache. */
export const CHAT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
} as const;

/** One server-sent event of POST /api/chat: the event name is the chat event's type, the data its JSON (one line). */
export function chatEventFrame(event: ChatEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
