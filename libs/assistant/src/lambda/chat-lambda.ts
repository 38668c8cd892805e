import type { Writable } from 'node:stream';
import { AthenaClient } from '@aws-sdk/client-athena';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { AthenaExecutor, CURATED_QUERY_SCHEMA } from '@autocorp/query';
import { type Assistant, createAssistant } from '../assistant';
import { createModelProvider } from '../model-loop/model-provider';
import { BedrockChatModel } from '../providers/bedrock/bedrock-chat-model';
import { BedrockKbRetriever } from '../retrieval/bedrock-kb/bedrock-kb-retriever';
import { type ChatService, handleChatEvent } from './chat-handler';
import type { HttpEvent } from './chat-request';
import { chatLambdaSettings } from './lambda-environment';
import { type BufferedResponse, type LambdaStreamingRuntime, bufferedSink, streamingSink } from './response-sinks';

/** The knowledge base is read again (from Athena) when a question comes this long after its last refresh. */
const KB_REFRESH_INTERVAL_MS = 5 * 60_000;

/**
 * The assistant of this Lambda environment, made on the first question (cold start): Athena in the configured
 * workgroup over the curated tables, Nova Pro through Bedrock Converse, Bedrock Knowledge Base retrieval.
 * Conversations live as long as the execution environment (a follow-up on another one starts afresh).
 */
function bedrockAssistant(): Promise<Assistant> {
  const settings = chatLambdaSettings(process.env);
  const tables = Object.keys(CURATED_QUERY_SCHEMA);
  const executor = new AthenaExecutor({
    client: new AthenaClient({}),
    workGroup: settings.workGroup,
    database: settings.database,
    allowedTables: async () => tables,
  });
  const model = new BedrockChatModel({ client: new BedrockRuntimeClient({}), modelId: settings.modelId });
  const limits = { rowCap: settings.rowCap, timeoutMs: settings.toolTimeoutMs };
  return createAssistant({
    executor,
    provider: () => createModelProvider({ model, limits }),
    retriever: (kb) =>
      new BedrockKbRetriever({
        client: new BedrockAgentRuntimeClient({}),
        knowledgeBaseId: settings.knowledgeBaseId,
        kb,
      }),
    ...limits,
    refreshIntervalMs: KB_REFRESH_INTERVAL_MS,
  });
}

let assistant: Promise<Assistant> | undefined;
const service: ChatService = {
  async ask(question, conversationId, options) {
    // A failed cold start is retried by the next request.
    const ready = (assistant ??= bedrockAssistant().catch((error: unknown) => {
      assistant = undefined;
      throw error;
    }));
    return (await ready).ask(question, { ...options, ...(conversationId ? { conversationId } : {}) });
  },
};

declare global {
  // Present in the Lambda Node.js runtime only.
  var awslambda: LambdaStreamingRuntime | undefined;
}

/** Buffered: the whole NDJSON answer in one response (API Gateway, or a function URL in BUFFERED mode). */
export async function bufferedHandler(event: HttpEvent): Promise<BufferedResponse> {
  const sink = bufferedSink();
  await handleChatEvent(event, service, sink);
  return sink.response;
}

/** The runtime's streaming API, when this runs in Lambda (the AWS SDK sets `globalThis.awslambda` elsewhere too). */
const streaming =
  typeof globalThis.awslambda?.streamifyResponse === 'function'
    ? (globalThis.awslambda as LambdaStreamingRuntime)
    : undefined;

/** The Lambda handler (`index.handler`): streamed where the runtime streams (function URL, RESPONSE_STREAM). */
export const handler = streaming
  ? streaming.streamifyResponse(async (event: unknown, responseStream: Writable) => {
      await handleChatEvent(event as HttpEvent, service, streamingSink(streaming, responseStream));
    })
  : bufferedHandler;
