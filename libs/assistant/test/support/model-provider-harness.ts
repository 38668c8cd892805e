import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll } from 'vitest';
import type { AssistantTool, ConversationState } from '../../src/index';
import { createModelProvider } from '../../src/model-loop/index';
import { BedrockChatModel } from '../../src/providers/bedrock/index';
import { OpenAiCompatibleChatModel } from '../../src/providers/openai-compatible/index';
import { localAwsClientConfig } from '../../testing/local-aws-client';
import { type ConverseBody, startScriptedBedrockServer } from '../../testing/scripted-bedrock-server';
import type { ScriptedHttpServer } from '../../testing/scripted-http-server';
import type { ScriptedReply } from '../../testing/scripted-model';
import { type ChatCompletionsBody, startScriptedOpenAiServer } from '../../testing/scripted-openai-server';
import { openSalesSqlTool } from './sales-sql-tool';

/** A conversation with no turns yet. */
export const EMPTY_CONVERSATION: ConversationState = { id: 'c1', turns: [] };

type Limits = Parameters<typeof createModelProvider>[0]['limits'];

/** What a provider test file needs: the sales SQL tool, and providers over scripted model servers it closes. */
export interface ModelProviderHarness {
  /** `run_sql` over the test's sales table (test/support/sales-sql-tool.ts). */
  readonly tool: AssistantTool;
  /** Closes `server` after the file's tests. */
  track<T extends ScriptedHttpServer>(server: T): T;
  /** The bedrock provider over a scripted Bedrock Runtime server (ConverseStream unless `stream` is false). */
  bedrock(
    script: (body: ConverseBody, turn: number, modelId: string) => ScriptedReply | Error,
    options?: { readonly stream?: boolean },
  ): Promise<{ server: ScriptedHttpServer; provider: ReturnType<typeof createModelProvider> }>;
  /** The openai-compatible provider over a scripted chat-completions server. */
  openAi(
    script: (body: ChatCompletionsBody, turn: number) => ScriptedReply,
    options?: { readonly stream?: boolean; readonly limits?: Limits },
  ): Promise<{ server: ScriptedHttpServer; provider: ReturnType<typeof createModelProvider> }>;
}

/** Registers the file's beforeAll/afterAll (open the SQL tool; close it and every server) and returns the harness. */
export function modelProviderHarness(): ModelProviderHarness {
  let sql: { tool: AssistantTool; close: () => void } | undefined;
  const servers: ScriptedHttpServer[] = [];
  beforeAll(async () => {
    sql = await openSalesSqlTool();
  });
  afterAll(async () => {
    sql?.close();
    await Promise.all(servers.map((s) => s.close()));
  });
  const track = <T extends ScriptedHttpServer>(server: T): T => (servers.push(server), server);
  return {
    get tool() {
      if (!sql) throw new Error('the SQL tool opens in beforeAll: use harness.tool inside a test');
      return sql.tool;
    },
    track,
    async bedrock(script, options = {}) {
      const server = track(await startScriptedBedrockServer(script));
      const client = new BedrockRuntimeClient(localAwsClientConfig(server.url));
      const model = new BedrockChatModel({
        client,
        ...(options.stream === undefined ? {} : { stream: options.stream }),
      });
      return { server, provider: createModelProvider({ model }) };
    },
    async openAi(script, options = {}) {
      const server = track(await startScriptedOpenAiServer(script));
      const model = new OpenAiCompatibleChatModel({
        baseUrl: `${server.url}/v1`,
        model: 'scripted-7b',
        ...(options.stream === undefined ? {} : { stream: options.stream }),
      });
      return {
        server,
        provider: createModelProvider({ model, ...(options.limits ? { limits: options.limits } : {}) }),
      };
    },
  };
}
