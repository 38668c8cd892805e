import { ConfigError } from '../config-error';
import type { AssistantProviderName, ConfigKey } from './config-keys';

/** The chat endpoint's answerer (the `assistant.*` keys), checked together. */
export interface AssistantConfig {
  readonly provider: AssistantProviderName;
  readonly baseUrl: string | undefined;
  readonly model: string | undefined;
  readonly embeddingsUrl: string | undefined;
  readonly embeddingsModel: string | undefined;
}

/**
 * The keys that only work together: the openai-compatible provider needs its server and model, vector
 * retrieval its embedding model. `where(key)` says where a key's value was set.
 */
export function checkAssistantConfig(config: AssistantConfig, where: (key: ConfigKey) => string): AssistantConfig {
  const missing = (key: ConfigKey, env: string, example: string, because: string) =>
    new ConfigError(
      'invalid-config-value',
      `${key} is not set, but ${because}: set it in autocorp.config.json ("${key}", e.g. ${example}) or with ${env}.`,
    );
  if (config.provider === 'openai-compatible') {
    const because = `assistant.provider is openai-compatible (from ${where('assistant.provider')})`;
    if (!config.baseUrl)
      throw missing('assistant.baseUrl', 'AUTOCORP_ASSISTANT_BASE_URL', '"http://localhost:11434/v1"', because);
    if (!config.model) throw missing('assistant.model', 'AUTOCORP_ASSISTANT_MODEL', '"qwen2.5:7b"', because);
  }
  if (config.embeddingsUrl && !config.embeddingsModel)
    throw missing(
      'assistant.embeddingsModel',
      'AUTOCORP_ASSISTANT_EMBEDDINGS_MODEL',
      '"nomic-embed-text"',
      `assistant.embeddingsUrl is set (from ${where('assistant.embeddingsUrl')})`,
    );
  return config;
}
