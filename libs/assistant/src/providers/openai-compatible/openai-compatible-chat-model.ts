import { AssistantError } from '../../assistant-error';
import type { ChatModel, ModelReply, ModelRequest, ModelToolCall } from '../../model-loop/model-messages';
import {
  type WireChoice,
  type WireCompletion,
  finishReasonOf,
  parseArguments,
  wireMessages,
  wireTools,
} from './chat-completions-wire';
import { serverSentData } from './server-sent-events';

export interface OpenAiCompatibleOptions {
  /** The server's OpenAI-compatible base URL, e.g. `http://localhost:11434/v1` (Ollama), `http://localhost:8080/v1` (llama.cpp). */
  readonly baseUrl: string;
  /** The model name the server knows, e.g. `qwen2.5:7b`. */
  readonly model: string;
  /** Sent as a bearer token when set. */
  readonly apiKey?: string;
  /** Stream the reply as server-sent events (default true). */
  readonly stream?: boolean;
  readonly temperature?: number;
}

/** `<baseUrl>/<path>` whether or not the base URL ends with a slash. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}

function failed(url: string, what: string, cause?: unknown): AssistantError {
  return new AssistantError(
    'provider-failed',
    `The OpenAI-compatible server at ${url} ${what}. Check that it is running and serves the configured model.`,
    cause === undefined ? undefined : { cause },
  );
}

/** POSTs JSON to an OpenAI-compatible endpoint; a refused connection or an error status becomes AssistantError `provider-failed`. */
export async function postJson(
  url: string,
  body: unknown,
  options: { apiKey?: string; signal?: AbortSignal },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw new AssistantError('cancelled', 'The question was cancelled.', { cause: error });
    throw failed(url, 'could not be reached', error);
  }
  if (!response.ok) throw failed(url, `answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

/** Collects the chunks of a streamed completion: content deltas as they come, tool-call fragments by index. */
async function replyOfChunks(chunks: AsyncIterable<string>, url: string, onTextDelta?: (text: string) => void) {
  let text = '';
  let finish: string | null | undefined;
  const calls = new Map<number, { id: string; name: string; args: string }>();
  for await (const data of chunks) {
    if (data.trim() === '[DONE]') break;
    let chunk: WireCompletion;
    try {
      chunk = JSON.parse(data) as WireCompletion;
    } catch (error) {
      throw failed(url, `sent a stream chunk that is not JSON (${data.slice(0, 100)})`, error);
    }
    if (chunk.error) throw failed(url, `reported an error: ${chunk.error.message ?? 'unknown'}`);
    const choice: WireChoice | undefined = chunk.choices?.[0];
    const content = choice?.delta?.content;
    if (content) {
      text += content;
      onTextDelta?.(content);
    }
    for (const [position, fragment] of (choice?.delta?.tool_calls ?? []).entries()) {
      const index = fragment.index ?? position;
      const call = calls.get(index) ?? { id: '', name: '', args: '' };
      if (fragment.id) call.id = fragment.id;
      // The name comes with the first fragment (some servers repeat it in every one).
      if (fragment.function?.name && !call.name) call.name = fragment.function.name;
      const args = fragment.function?.arguments;
      if (args !== undefined) call.args += typeof args === 'string' ? args : JSON.stringify(args);
      calls.set(index, call);
    }
    if (choice?.finish_reason) finish = choice.finish_reason;
  }
  const toolCalls: ModelToolCall[] = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, c]) => ({ id: c.id || `call_${index}`, name: c.name, input: parseArguments(c.args) }));
  return { text, toolCalls, stopReason: finishReasonOf(finish, toolCalls.length > 0) };
}

/** A model behind any OpenAI-compatible chat-completions server (Ollama, llama.cpp, vLLM...), with tool calls. */
export class OpenAiCompatibleChatModel implements ChatModel {
  readonly provider = 'openai-compatible' as const;
  readonly modelId: string;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.modelId = options.model;
  }

  async complete(request: ModelRequest): Promise<ModelReply> {
    const url = endpointUrl(this.options.baseUrl, 'chat/completions');
    const stream = this.options.stream ?? true;
    const body = {
      model: this.options.model,
      messages: wireMessages(request.system, request.messages),
      ...(request.tools.length > 0 ? { tools: wireTools(request.tools), tool_choice: 'auto' } : {}),
      temperature: this.options.temperature ?? 0,
      stream,
    };
    const response = await postJson(url, body, {
      ...(this.options.apiKey ? { apiKey: this.options.apiKey } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (stream) {
      if (!response.body) throw failed(url, 'sent no body');
      return replyOfChunks(serverSentData(response.body), url, request.onTextDelta);
    }
    const completion = (await response.json()) as WireCompletion;
    const message = completion.choices?.[0]?.message;
    if (!message) throw failed(url, `sent no choices${completion.error ? `: ${completion.error.message}` : ''}`);
    const toolCalls = (message.tool_calls ?? []).map((c, index) => ({
      id: c.id ?? `call_${index}`,
      name: c.function?.name ?? '',
      input: parseArguments(c.function?.arguments),
    }));
    const text = message.content ?? '';
    if (text) request.onTextDelta?.(text);
    return {
      text,
      toolCalls,
      stopReason: finishReasonOf(completion.choices?.[0]?.finish_reason, toolCalls.length > 0),
    };
  }
}
