import { type ChatEvent, SseParser } from '@autocorp/platform-client';

/** One server-sent event of POST /api/chat as it came over the wire: its event name and its parsed data. */
export interface ReceivedChatEvent {
  readonly name: string;
  readonly data: ChatEvent;
}

/** POSTs a chat request with fetch and reads the whole event stream (the test checks status and framing itself). */
export async function postChat(
  baseUrl: string,
  body: unknown,
): Promise<{
  readonly status: number;
  readonly contentType: string | null;
  readonly events: ReceivedChatEvent[];
  readonly text: string;
}> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const events: ReceivedChatEvent[] = [];
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const parser = new SseParser((m) => events.push({ name: m.event, data: JSON.parse(m.data) as ChatEvent }));
    parser.push(text);
  }
  return { status: response.status, contentType: response.headers.get('content-type'), events, text };
}

/** The answer's text and table cells, lower-cased: where an entity of the data must show. */
export function answerWords(event: ChatEvent | undefined): string {
  if (event?.type !== 'answer') return '';
  const cells = event.answer.table?.rows.flat() ?? [];
  return [event.answer.text, ...cells.map((c) => String(c))].join('\n').toLowerCase();
}
