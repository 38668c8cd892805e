export { CANNOT_ANSWER_WORDS, WONT_DO, modelSystemPrompt } from './system-prompt';
export { maskingStream } from './streaming-redaction';
export { ungroundedNumbers } from './number-grounding';
export { answerFromTools, mergeCitations, suggestChart } from './answer-from-tools';
export { type ToolCallLimits, type ToolCallOutcome, runToolCall } from './run-tool-call';
export {
  DEFAULT_MODEL_LOOP_LIMITS,
  type ModelLoopLimits,
  type ModelLoopRequest,
  runModelLoop,
  toolSpecs,
} from './model-loop';
export { type ModelProviderOptions, createModelProvider } from './model-provider';
export type {
  ChatModel,
  ModelMessage,
  ModelReply,
  ModelRequest,
  ModelStopReason,
  ModelToolCall,
  ModelToolResult,
  ModelToolSpec,
} from './model-messages';
