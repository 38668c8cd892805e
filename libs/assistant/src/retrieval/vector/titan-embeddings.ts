import { type BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { AssistantError } from '../../assistant-error';
import type { EmbeddingProvider } from './embedding-provider';

/** Titan Text Embeddings V2, the model the CDK app's knowledge base embeds with. */
export const TITAN_EMBED_V2_MODEL_ID = 'amazon.titan-embed-text-v2:0';

export interface TitanEmbeddingsOptions {
  readonly client: BedrockRuntimeClient;
  readonly modelId?: string;
  /** 256, 512 or 1024 (the model's default). */
  readonly dimensions?: 256 | 512 | 1024;
  /** InvokeModel calls in flight at once (Titan embeds one text per call); default 4. */
  readonly concurrency?: number;
}

/**
 * Embeddings from Bedrock Titan Text Embeddings V2 through InvokeModel: body `{inputText, dimensions, normalize}`,
 * answer `{embedding, inputTextTokenCount}`, one text per call, a few calls at a time.
 */
export class TitanEmbeddings implements EmbeddingProvider {
  readonly name: string;
  private readonly modelId: string;

  constructor(private readonly options: TitanEmbeddingsOptions) {
    this.modelId = options.modelId ?? TITAN_EMBED_V2_MODEL_ID;
    this.name = `titan:${this.modelId}:${options.dimensions ?? 1024}`;
  }

  private async embedOne(text: string, signal: AbortSignal | undefined): Promise<number[]> {
    const body = JSON.stringify({ inputText: text, dimensions: this.options.dimensions ?? 1024, normalize: true });
    try {
      const output = await this.options.client.send(
        new InvokeModelCommand({
          modelId: this.modelId,
          contentType: 'application/json',
          accept: 'application/json',
          body,
        }),
        signal ? { abortSignal: signal } : {},
      );
      const parsed = JSON.parse(new TextDecoder().decode(output.body)) as { embedding?: unknown };
      if (!Array.isArray(parsed.embedding) || !parsed.embedding.every((x) => typeof x === 'number'))
        throw new Error('the answer has no numeric "embedding" array');
      return parsed.embedding as number[];
    } catch (error) {
      throw new AssistantError(
        'provider-failed',
        `Bedrock InvokeModel with ${this.modelId} could not embed a text: ${
          error instanceof Error ? error.message : String(error)
        }. Check that the model is enabled in the region and the role may call bedrock:InvokeModel on it.`,
        { cause: error },
      );
    }
  }

  async embed(texts: readonly string[], options: { readonly signal?: AbortSignal } = {}): Promise<number[][]> {
    const vectors: number[][] = new Array<number[]>(texts.length);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const index = next++;
        vectors[index] = await this.embedOne(texts[index] as string, options.signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, texts.length) }, worker));
    return vectors;
  }
}
