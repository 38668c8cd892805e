import { AthenaClient } from '@aws-sdk/client-athena';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AthenaExecutor, CURATED_QUERY_SCHEMA, type QueryExecutor } from '@autocorp/query';
import { type Assistant, createAssistant } from '../assistant';
import { DynamoConversationStore } from '../conversations/dynamodb/dynamodb-conversation-store';
import { createModelProvider } from '../model-loop/model-provider';
import { BedrockChatModel } from '../providers/bedrock/bedrock-chat-model';
import { BedrockKbRetriever } from '../retrieval/bedrock-kb/bedrock-kb-retriever';
import type { ChatService } from './chat-handler';
import type { ChatLambdaSettings } from './lambda-environment';

/** The knowledge base is read again (from Athena) when a question comes this long after its last refresh. */
const KB_REFRESH_INTERVAL_MS = 5 * 60_000;

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
export function chatLambdaAssistant(
  settings: ChatLambdaSettings,
  dependencies: ChatLambdaDependencies = {},
): Promise<Assistant> {
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
  return createAssistant({
    executor: dependencies.executor ?? athenaExecutor(settings),
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
}

/**
 * The chat service of one execution environment: its assistant is made on the first question (the cold start)
 * and kept; a failed start is retried by the next request.
 */
export function chatLambdaService(start: () => Promise<Assistant>): ChatService {
  let assistant: Promise<Assistant> | undefined;
  return {
    async ask(question, conversationId, options) {
      const ready = (assistant ??= start().catch((error: unknown) => {
        assistant = undefined;
        throw error;
      }));
      return (await ready).ask(question, { ...options, ...(conversationId ? { conversationId } : {}) });
    },
  };
}
