export { BedrockChatModel, type BedrockChatModelOptions, NOVA_PRO_MODEL_ID } from './bedrock-chat-model';
export { converseMessages, converseTools } from './converse-messages';
