export {
  OpenAiCompatibleChatModel,
  type OpenAiCompatibleOptions,
  endpointUrl,
  postJson,
} from './openai-compatible-chat-model';
export { serverSentData } from './server-sent-events';
