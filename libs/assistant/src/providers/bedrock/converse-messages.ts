import type {
  ContentBlock,
  Message,
  Tool,
  ToolResultContentBlock,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { ModelMessage, ModelStopReason, ModelToolSpec } from '../../model-loop/model-messages';

/** A JSON document as the SDK types it. */
type DocumentType = NonNullable<ToolUseBlock['input']>;

/** A tool result as a Converse `json` block: Converse wants a JSON object, so other values are wrapped. */
function resultBlock(content: unknown): ToolResultContentBlock {
  const isObject = content !== null && typeof content === 'object' && !Array.isArray(content);
  return { json: (isObject ? content : { result: content }) as DocumentType };
}

/**
 * The loop's messages as Converse messages: tool calls become `toolUse` blocks of the assistant, tool results
 * `toolResult` blocks of the next user message (Converse has no tool role).
 */
export function converseMessages(messages: readonly ModelMessage[]): Message[] {
  return messages.map((message): Message => {
    switch (message.role) {
      case 'user':
        return { role: 'user', content: [{ text: message.text }] };
      case 'assistant': {
        const content: ContentBlock[] = message.text.trim() ? [{ text: message.text }] : [];
        for (const call of message.toolCalls)
          content.push({ toolUse: { toolUseId: call.id, name: call.name, input: call.input as DocumentType } });
        return { role: 'assistant', content };
      }
      case 'tool':
        return {
          role: 'user',
          content: message.results.map((r) => ({
            toolResult: {
              toolUseId: r.callId,
              content: [resultBlock(r.content)],
              status: r.isError ? 'error' : 'success',
            },
          })),
        };
    }
  });
}

export function converseTools(tools: readonly ModelToolSpec[]): Tool[] {
  return tools.map((t) => ({
    toolSpec: { name: t.name, description: t.description, inputSchema: { json: t.inputSchema as DocumentType } },
  }));
}

export function stopReasonOf(reason: string | undefined): ModelStopReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'end_turn';
    case 'tool_use':
      return 'tool_use';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'max_tokens';
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content_filtered';
    default:
      return 'other';
  }
}
