import { AthenaClient } from '@aws-sdk/client-athena';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ChatProvider } from '@autocorp/platform-client';
import { AthenaExecutor, CURATED_QUERY_SCHEMA, type QueryExecutor } from '@autocorp/query';
import { type Assistant, createAssistant } from '../assistant';
import { DynamoConversationStore } from '../conversations/dynamodb/dynamodb-conversation-store';
import { createModelProvider } from '../model-loop/model-provider';
import { BedrockChatModel } from '../providers/bedrock/bedrock-chat-model';
import { BedrockKbRetriever } from '../retrieval/bedrock-kb/bedrock-kb-retriever';
import type { ChatLambdaSettings } from './lambda-environment';

/** The knowledge base is read again (from Athena) when a question comes this long after its last refresh. */
const KB_REFRESH_INTERVAL_MS = 5 * 60_000;

/** The provider the chat function answers with (Nova Pro, or the configured model, on Bedrock). */
export const CHAT_LAMBDA_PROVIDER: ChatProvider = 'bedrock';

/** The AWS clients and the executor the chat Lambda's assistant uses; each defaults to the Lambda's own. */
export interface ChatLambdaDependencies {
  readonly bedrockRuntime?: BedrockRuntimeClient;
  readonly bedrockAgentRuntime?: BedrockAgentRuntimeClient;
  readonly dynamodb?: DynamoDBClient;
  /** Default Athena in the configured workgroup over the curated tables. */
  readonly executor?: QueryExecutor;
  /** The clock (ms) of conversation expiry and knowledge-base refreshes. */
  readonly now?: () => number;
}

/** What the chat routes answer with: the assistant, and the executor it queries (the starters read it too). */
export interface ChatLambdaAssistant {
  readonly assistant: Assistant;
  readonly executor: QueryExecutor;
}

function athenaExecutor(settings: ChatLambdaSettings): QueryExecutor {
  const tables = Object.keys(CURATED_QUERY_SCHEMA);
  return new AthenaExecutor({
    client: new AthenaClient({}),
    workGroup: settings.workGroup,
    database: settings.database,
    allowedTables: async () => tables,
  });
}

/**
 * The assistant of one Lambda execution environment: Nova Pro through Bedrock Converse, Bedrock Knowledge Base
 * retrieval, and the conversations in DynamoDB, so a follow-up answered by another environment continues them.
 */
export async function chatLambdaAssistant(
  settings: ChatLambdaSettings,
  dependencies: ChatLambdaDependencies = {},
): Promise<ChatLambdaAssistant> {
  const model = new BedrockChatModel({
    client: dependencies.bedrockRuntime ?? new BedrockRuntimeClient({}),
    modelId: settings.modelId,
  });
  const limits = { rowCap: settings.rowCap, timeoutMs: settings.toolTimeoutMs };
  const conversations = new DynamoConversationStore({
    client: dependencies.dynamodb ?? new DynamoDBClient({}),
    tableName: settings.conversationTable,
    ttlSeconds: settings.conversationTtlSeconds,
    ...(dependencies.now ? { now: dependencies.now } : {}),
  });
  const executor = dependencies.executor ?? athenaExecutor(settings);
  const assistant = await createAssistant({
    executor,
    provider: () => createModelProvider({ model, limits }),
    retriever: (kb) =>
      new BedrockKbRetriever({
        client: dependencies.bedrockAgentRuntime ?? new BedrockAgentRuntimeClient({}),
        knowledgeBaseId: settings.knowledgeBaseId,
        kb,
      }),
    conversations,
    ...limits,
    refreshIntervalMs: KB_REFRESH_INTERVAL_MS,
    ...(dependencies.now ? { now: dependencies.now } : {}),
  });
  return { assistant, executor };
}

/** The chat service of one execution environment: the model it calls, and its assistant made on first use. */
export interface ChatLambdaService {
  /** The Bedrock model id (null when the function's settings do not name one). */
  readonly model: string | null;
  /** The assistant, made on the first request (the cold start) and kept; a failed start is retried next time. */
  assistant(): Promise<ChatLambdaAssistant>;
}

export function chatLambdaService(model: string | null, start: () => Promise<ChatLambdaAssistant>): ChatLambdaService {
  let started: Promise<ChatLambdaAssistant> | undefined;
  return {
    model,
    assistant: () =>
      (started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      })),
  };
}
