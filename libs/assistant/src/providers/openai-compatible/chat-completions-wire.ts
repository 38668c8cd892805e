import type { ModelMessage, ModelStopReason, ModelToolSpec } from '../../model-loop/model-messages';

/** The OpenAI chat-completions message shapes this client sends. */
export type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface WireToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string | Record<string, unknown> };
}

/** A choice of a chat.completion (`message`) or of a chat.completion.chunk (`delta`, whose tool calls carry `index`). */
export interface WireChoice {
  index?: number;
  message?: { content?: string | null; tool_calls?: WireToolCall[] };
  delta?: { content?: string | null; tool_calls?: (WireToolCall & { index?: number })[] };
  finish_reason?: string | null;
}

export interface WireCompletion {
  choices?: WireChoice[];
  error?: { message?: string };
}

export function wireMessages(system: string, messages: readonly ModelMessage[]): WireMessage[] {
  const wire: WireMessage[] = [{ role: 'system', content: system }];
  for (const message of messages) {
    if (message.role === 'user') wire.push({ role: 'user', content: message.text });
    else if (message.role === 'assistant')
      wire.push({
        role: 'assistant',
        content: message.text === '' ? null : message.text,
        ...(message.toolCalls.length > 0
          ? {
              tool_calls: message.toolCalls.map((c) => ({
                id: c.id,
                type: 'function' as const,
                function: { name: c.name, arguments: JSON.stringify(c.input) },
              })),
            }
          : {}),
      });
    else
      for (const r of message.results)
        wire.push({ role: 'tool', tool_call_id: r.callId, content: JSON.stringify(r.content) });
  }
  return wire;
}

export function wireTools(tools: readonly ModelToolSpec[]) {
  return tools.map((t) => ({
    type: 'function' as const,
    function: { name: t.name, description: t.description, parameters: t.inputSchema },
  }));
}

/** Tool arguments: a JSON string (the protocol), or an object (some servers); unparsable text goes to the tool as is. */
export function parseArguments(args: string | Record<string, unknown> | undefined): unknown {
  if (args === undefined) return {};
  if (typeof args !== 'string') return args;
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    return args;
  }
}

export function finishReasonOf(reason: string | null | undefined, hasToolCalls: boolean): ModelStopReason {
  switch (reason) {
    case 'stop':
      return hasToolCalls ? 'tool_use' : 'end_turn';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'content_filtered';
    default:
      return hasToolCalls ? 'tool_use' : 'other';
  }
}
