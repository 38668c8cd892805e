import type { Answer } from '../contract/answer';
import type { AnswerProvider, AnswerRequest } from '../contract/provider';
import { maskContactDetails } from '../guardrails/contact-details';
import type { ChatModel } from './model-messages';
import { DEFAULT_MODEL_LOOP_LIMITS, type ModelLoopLimits, runModelLoop } from './model-loop';

export interface ModelProviderOptions {
  readonly model: ChatModel;
  readonly limits?: Partial<ModelLoopLimits>;
}

/** An AnswerProvider over a chat model with tool use (the `bedrock` and `openai-compatible` providers). */
export function createModelProvider(options: ModelProviderOptions): AnswerProvider {
  const limits = { ...DEFAULT_MODEL_LOOP_LIMITS, ...options.limits };
  return {
    name: options.model.provider,
    answer(request: AnswerRequest): Promise<Answer> {
      return runModelLoop({
        model: options.model,
        question: request.question,
        conversation: request.conversation,
        tools: request.tools,
        limits,
        redact: maskContactDetails,
        ...(request.onEvent ? { onEvent: request.onEvent } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
  };
}
