// Local stand-ins for remote endpoints (model servers, Bedrock), for the tests of this package and of e2e/pipeline.
export {
  type ReceivedRequest,
  type ScriptedHttpServer,
  type ScriptedResponse,
  startScriptedHttpServer,
} from './scripted-http-server';
export { type ScriptedReply, pieces } from './scripted-model';
export { type ChatCompletionsBody, startScriptedOpenAiServer, toolMessages } from './scripted-openai-server';
export { type ConverseBody, converseToolResults, startScriptedBedrockServer } from './scripted-bedrock-server';
export { wordEmbedding } from './word-embedder';
export { type DynamoItem, type ScriptedDynamoDb, startScriptedDynamoDb } from './scripted-dynamodb-server';
export { localAwsClientConfig, localAwsEnvironment } from './local-aws-client';
export { type ScriptedIngestionState, startScriptedBedrockAgent, steppingClock } from './scripted-bedrock-agent-server';
