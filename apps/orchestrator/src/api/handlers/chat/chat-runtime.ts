import type { Assistant } from '@autocorp/assistant';
import type { QueryExecutor } from '@autocorp/query';
import { ApiError } from '../../api-error';
import { createChatAssistant, missingProviderSetting } from './chat-assistant';
import type { ChatSettings } from './chat-settings';

/**
 * The chat endpoint's assistant, made once per API runtime on the first chat request (its knowledge base
 * is built from the curated tables then); a failed build is retried by the next request.
 */
export class ChatRuntime {
  private assistantInstance: Promise<Assistant> | undefined;

  constructor(
    private readonly executor: () => QueryExecutor,
    readonly settings: ChatSettings,
  ) {}

  /** The assistant, or a 503 saying what to configure or run first. */
  assistant(): Promise<Assistant> {
    const missing = missingProviderSetting(this.settings);
    if (missing) return Promise.reject(new ApiError('unavailable', `The assistant cannot answer: ${missing}.`));
    this.assistantInstance ??= createChatAssistant(this.executor(), this.settings).catch((cause: unknown) => {
      this.assistantInstance = undefined;
      throw new ApiError(
        'unavailable',
        `The assistant cannot read the lake's curated tables (${(cause as Error)?.message ?? String(cause)}): run "autocorp run" or "autocorp up" to fill the lake, then ask again.`,
        null,
        { cause },
      );
    });
    return this.assistantInstance;
  }
}
