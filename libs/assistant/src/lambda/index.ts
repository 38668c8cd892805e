export { type ChatEventOptions, type ResponseSink, handleChatEvent } from './chat-handler';
export { type HttpEvent, eventBody, eventRoute } from './chat-request';
export {
  CHAT_LAMBDA_ENV,
  type ChatLambdaSettings,
  DEFAULT_CHAT_ROW_CAP,
  DEFAULT_CHAT_TOOL_TIMEOUT_MS,
  chatLambdaSettings,
} from './lambda-environment';
export { type BufferedResponse, type LambdaStreamingRuntime, bufferedSink, streamingSink } from './response-sinks';
export {
  CHAT_LAMBDA_PROVIDER,
  type ChatLambdaAssistant,
  type ChatLambdaDependencies,
  type ChatLambdaService,
  chatLambdaAssistant,
  chatLambdaService,
} from './lambda-chat-service';
