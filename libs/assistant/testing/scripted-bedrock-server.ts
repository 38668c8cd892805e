import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { type ScriptedHttpServer, type ScriptedResponse, startScriptedHttpServer } from './scripted-http-server';
import { type ScriptedReply, pieces } from './scripted-model';

/** A Converse request body as the SDK sends it (the Bedrock Runtime wire shape). */
export interface ConverseBody {
  system?: { text: string }[];
  messages: { role: string; content: Record<string, unknown>[] }[];
  toolConfig?: { tools: { toolSpec: { name: string; description: string; inputSchema: { json: unknown } } }[] };
  inferenceConfig?: { maxTokens?: number; temperature?: number };
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** One event-stream frame as Bedrock sends it: `:event-type`, `:message-type` event, a JSON payload. */
function frame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':message-type': { type: 'string', value: 'event' },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

function usage() {
  return { usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 }, metrics: { latencyMs: 1 } };
}

/** ConverseStream frames: messageStart, the text in deltas, each tool use in start + split input deltas, messageStop. */
function streamFrames(reply: ScriptedReply, turn: number): Uint8Array[] {
  const frames = [frame('messageStart', { role: 'assistant' })];
  let index = 0;
  if (reply.text) {
    for (const piece of pieces(reply.text, 5))
      frames.push(frame('contentBlockDelta', { contentBlockIndex: index, delta: { text: piece } }));
    frames.push(frame('contentBlockStop', { contentBlockIndex: index }));
    index += 1;
  }
  for (const [n, call] of (reply.toolCalls ?? []).entries()) {
    frames.push(
      frame('contentBlockStart', {
        contentBlockIndex: index,
        start: { toolUse: { toolUseId: `tooluse_${turn}_${n}`, name: call.name } },
      }),
    );
    for (const piece of pieces(JSON.stringify(call.input), 9))
      frames.push(frame('contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input: piece } } }));
    frames.push(frame('contentBlockStop', { contentBlockIndex: index }));
    index += 1;
  }
  frames.push(frame('messageStop', { stopReason: reply.toolCalls?.length ? 'tool_use' : 'end_turn' }));
  frames.push(frame('metadata', usage()));
  return frames;
}

function converseBody(reply: ScriptedReply, turn: number): string {
  const content: unknown[] = reply.text ? [{ text: reply.text }] : [];
  for (const [n, call] of (reply.toolCalls ?? []).entries())
    content.push({ toolUse: { toolUseId: `tooluse_${turn}_${n}`, name: call.name, input: call.input } });
  return JSON.stringify({
    output: { message: { role: 'assistant', content } },
    stopReason: reply.toolCalls?.length ? 'tool_use' : 'end_turn',
    ...usage(),
  });
}

/**
 * A local stand-in for the Bedrock Runtime endpoint: POST /model/{modelId}/converse answers JSON and
 * /converse-stream answers application/vnd.amazon.eventstream frames, both scripted from the request.
 * `script` returning an Error answers a ValidationException.
 */
export function startScriptedBedrockServer(
  script: (body: ConverseBody, turn: number, modelId: string) => ScriptedReply | Error,
): Promise<ScriptedHttpServer> {
  let turn = 0;
  return startScriptedHttpServer(
    (request): ScriptedResponse => {
      const route = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(request.path);
      if (request.method !== 'POST' || !route)
        return { status: 404, body: `no route ${request.method} ${request.path}` };
      const reply = script(JSON.parse(request.body) as ConverseBody, turn, decodeURIComponent(route[1] ?? ''));
      turn += 1;
      if (reply instanceof Error)
        return {
          status: 400,
          headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException' },
          body: JSON.stringify({ message: reply.message }),
        };
      return route[2] === 'converse'
        ? { headers: { 'content-type': 'application/json' }, body: converseBody(reply, turn) }
        : { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: streamFrames(reply, turn) };
    },
    { http2: true },
  );
}

/** The toolResult blocks of a Converse request's last message, with their JSON content. */
export function converseToolResults(body: ConverseBody): { toolUseId: string; status: string; json: unknown }[] {
  const last = body.messages.at(-1);
  return (last?.content ?? []).flatMap((block) => {
    const result = block['toolResult'] as
      { toolUseId: string; status: string; content: { json: unknown }[] } | undefined;
    return result ? [{ toolUseId: result.toolUseId, status: result.status, json: result.content[0]?.json }] : [];
  });
}
