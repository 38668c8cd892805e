export { type ChatLine, type ChatService, type ResponseSink, handleChatEvent } from './chat-handler';
export { type ChatRequest, type HttpEvent, MAX_QUESTION_LENGTH, parseChatRequest } from './chat-request';
export {
  CHAT_LAMBDA_ENV,
  type ChatLambdaSettings,
  DEFAULT_CHAT_ROW_CAP,
  DEFAULT_CHAT_TOOL_TIMEOUT_MS,
  chatLambdaSettings,
} from './lambda-environment';
export { type BufferedResponse, type LambdaStreamingRuntime, bufferedSink, streamingSink } from './response-sinks';
export { type ChatLambdaDependencies, chatLambdaAssistant, chatLambdaService } from './lambda-chat-service';
