import { type ReceivedRequest, type ScriptedHttpServer, startScriptedHttpServer } from './scripted-http-server';
import { type ScriptedReply, pieces } from './scripted-model';

/** The chat-completions request body the server received. */
export interface ChatCompletionsBody {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  tools?: { type: string; function: { name: string; description: string; parameters: unknown } }[];
}

function sse(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** A streamed chat.completion.chunk sequence: role, content pieces, tool-call fragments split mid-arguments, finish, [DONE]. */
function streamedReply(reply: ScriptedReply, turn: number): string[] {
  const base = { id: `chatcmpl-${turn}`, object: 'chat.completion.chunk', created: 0, model: 'scripted' };
  const chunk = (delta: unknown, finish: string | null = null) =>
    sse({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const out = [chunk({ role: 'assistant', content: '' })];
  for (const piece of pieces(reply.text ?? '', 7)) out.push(chunk({ content: piece }));
  (reply.toolCalls ?? []).forEach((call, index) => {
    const args = JSON.stringify(call.input);
    const half = Math.floor(args.length / 2);
    out.push(
      chunk({
        tool_calls: [
          { index, id: `call_${turn}_${index}`, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      }),
    );
    out.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(0, half) } }] }));
    out.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] }));
  });
  out.push(chunk({}, reply.toolCalls?.length ? 'tool_calls' : 'stop'));
  out.push(sse('[DONE]'));
  return out;
}

function completeReply(reply: ScriptedReply, turn: number): string {
  const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
    id: `call_${turn}_${index}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
  return JSON.stringify({
    id: `chatcmpl-${turn}`,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.text ?? null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
      },
    ],
  });
}

/**
 * A local server speaking the OpenAI chat-completions protocol (POST /v1/chat/completions, JSON or SSE stream),
 * whose "model" is `script`: given the request (the conversation so far, tool results included) it says what to reply.
 */
export function startScriptedOpenAiServer(
  script: (body: ChatCompletionsBody, turn: number) => ScriptedReply,
): Promise<ScriptedHttpServer> {
  let turn = 0;
  return startScriptedHttpServer((request: ReceivedRequest) => {
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions')
      return { status: 404, body: `no route ${request.method} ${request.path}` };
    const body = JSON.parse(request.body) as ChatCompletionsBody;
    const reply = script(body, turn);
    turn += 1;
    return body.stream
      ? { headers: { 'content-type': 'text/event-stream' }, body: streamedReply(reply, turn) }
      : { headers: { 'content-type': 'application/json' }, body: completeReply(reply, turn) };
  });
}

/** The tool results (parsed JSON) in a chat-completions request, by tool_call_id order. */
export function toolMessages(body: ChatCompletionsBody): unknown[] {
  return body.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content ?? 'null') as unknown);
}
