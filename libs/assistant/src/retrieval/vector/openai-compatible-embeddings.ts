import { AssistantError } from '../../assistant-error';
import { endpointUrl, postJson } from '../../providers/openai-compatible/openai-compatible-chat-model';
import type { EmbeddingProvider } from './embedding-provider';

export interface OpenAiCompatibleEmbeddingsOptions {
  /** e.g. `http://localhost:11434/v1`; requests go to `<baseUrl>/embeddings`. */
  readonly baseUrl: string;
  /** e.g. `nomic-embed-text`. */
  readonly model: string;
  readonly apiKey?: string;
  /** Texts per request; default 64. */
  readonly batchSize?: number;
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: unknown }[];
}

/** Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint (Ollama, llama.cpp, vLLM...), in batches. */
export class OpenAiCompatibleEmbeddings implements EmbeddingProvider {
  readonly name: string;

  constructor(private readonly options: OpenAiCompatibleEmbeddingsOptions) {
    this.name = `openai-compatible:${options.model}`;
  }

  async embed(texts: readonly string[], options: { readonly signal?: AbortSignal } = {}): Promise<number[][]> {
    const url = endpointUrl(this.options.baseUrl, 'embeddings');
    const size = this.options.batchSize ?? 64;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += size) {
      const input = texts.slice(start, start + size);
      const response = await postJson(
        url,
        { model: this.options.model, input },
        {
          ...(this.options.apiKey ? { apiKey: this.options.apiKey } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      const body = (await response.json()) as EmbeddingsResponse;
      const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (data.length !== input.length || !data.every((d) => Array.isArray(d.embedding)))
        throw new AssistantError(
          'provider-failed',
          `The embeddings server at ${url} returned ${data.length} embeddings for ${input.length} texts; check that model "${this.options.model}" is an embedding model.`,
        );
      vectors.push(...data.map((d) => d.embedding as number[]));
    }
    return vectors;
  }
}
