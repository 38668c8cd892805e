/** Turns texts into vectors of one model: what vector ranking needs from Bedrock Titan or a local server. */
export interface EmbeddingProvider {
  /** `titan:<model>` or `openai-compatible:<model>`: vectors of different providers never mix. */
  readonly name: string;
  embed(texts: readonly string[], options?: { readonly signal?: AbortSignal }): Promise<number[][]>;
}
