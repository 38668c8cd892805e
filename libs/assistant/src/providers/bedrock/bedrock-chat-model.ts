import {
  type BedrockRuntimeClient,
  type ContentBlock,
  ConverseCommand,
  type ConverseStreamOutput,
  ConverseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { AssistantError } from '../../assistant-error';
import type { ChatModel, ModelReply, ModelRequest, ModelToolCall } from '../../model-loop/model-messages';
import { converseMessages, converseTools, stopReasonOf } from './converse-messages';

/** Amazon Nova Pro, the chat model the CDK app grants. */
export const NOVA_PRO_MODEL_ID = 'amazon.nova-pro-v1:0';

export interface BedrockChatModelOptions {
  readonly client: BedrockRuntimeClient;
  /** Model id, inference profile id or ARN; default Nova Pro. */
  readonly modelId?: string;
  /** ConverseStream (default) or Converse. */
  readonly stream?: boolean;
  readonly maxTokens?: number;
  readonly temperature?: number;
}

function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // The tool validates its input and tells the model what is wrong.
    return json;
  }
}

/** The reply of a non-streamed Converse call. */
function replyOfContent(content: readonly ContentBlock[], stopReason: string | undefined): ModelReply {
  const text = content.flatMap((b) => (b.text !== undefined ? [b.text] : [])).join('');
  const toolCalls = content.flatMap((b): ModelToolCall[] =>
    b.toolUse ? [{ id: b.toolUse.toolUseId ?? '', name: b.toolUse.name ?? '', input: b.toolUse.input ?? {} }] : [],
  );
  return { text, toolCalls, stopReason: stopReasonOf(stopReason) };
}

/** Collects a ConverseStream: text deltas as they come, tool-use blocks by content block index. */
async function replyOfStream(
  stream: AsyncIterable<ConverseStreamOutput>,
  onTextDelta: ((text: string) => void) | undefined,
): Promise<ModelReply> {
  let text = '';
  let stopReason: string | undefined;
  const toolUses = new Map<number, { id: string; name: string; json: string }>();
  for await (const event of stream) {
    const failure =
      event.internalServerException ??
      event.modelStreamErrorException ??
      event.validationException ??
      event.throttlingException ??
      event.serviceUnavailableException;
    if (failure) throw new Error(failure.message ?? 'the stream reported an error', { cause: failure });
    const start = event.contentBlockStart;
    if (start?.start?.toolUse)
      toolUses.set(start.contentBlockIndex ?? 0, {
        id: start.start.toolUse.toolUseId ?? '',
        name: start.start.toolUse.name ?? '',
        json: '',
      });
    const delta = event.contentBlockDelta;
    if (delta?.delta?.text !== undefined) {
      text += delta.delta.text;
      onTextDelta?.(delta.delta.text);
    }
    if (delta?.delta?.toolUse) {
      const use = toolUses.get(delta.contentBlockIndex ?? 0);
      if (use) use.json += delta.delta.toolUse.input ?? '';
    }
    if (event.messageStop) stopReason = event.messageStop.stopReason;
  }
  const toolCalls = [...toolUses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, use]) => ({ id: use.id, name: use.name, input: parseToolInput(use.json) }));
  return { text, toolCalls, stopReason: stopReasonOf(stopReason) };
}

/** A Bedrock model through the Converse API (ConverseStream by default), with tool use. */
export class BedrockChatModel implements ChatModel {
  readonly provider = 'bedrock' as const;
  readonly modelId: string;

  constructor(private readonly options: BedrockChatModelOptions) {
    this.modelId = options.modelId ?? NOVA_PRO_MODEL_ID;
  }

  async complete(request: ModelRequest): Promise<ModelReply> {
    const input = {
      modelId: this.modelId,
      system: [{ text: request.system }],
      messages: converseMessages(request.messages),
      ...(request.tools.length > 0 ? { toolConfig: { tools: converseTools(request.tools) } } : {}),
      inferenceConfig: { maxTokens: this.options.maxTokens ?? 2048, temperature: this.options.temperature ?? 0 },
    };
    const abort = request.signal ? { abortSignal: request.signal } : {};
    try {
      if (this.options.stream === false) {
        const output = await this.options.client.send(new ConverseCommand(input), abort);
        const reply = replyOfContent(output.output?.message?.content ?? [], output.stopReason);
        if (reply.text) request.onTextDelta?.(reply.text);
        return reply;
      }
      const output = await this.options.client.send(new ConverseStreamCommand(input), abort);
      if (!output.stream) throw new Error('the response has no event stream');
      return await replyOfStream(output.stream, request.onTextDelta);
    } catch (error) {
      if (request.signal?.aborted)
        throw new AssistantError('cancelled', 'The question was cancelled.', { cause: error });
      throw new AssistantError(
        'provider-failed',
        `Bedrock ${this.options.stream === false ? 'Converse' : 'ConverseStream'} with model ${this.modelId} failed: ${
          error instanceof Error ? error.message : String(error)
        }. Check that the model is enabled in the region and the role may call bedrock:InvokeModel on it.`,
        { cause: error },
      );
    }
  }
}
