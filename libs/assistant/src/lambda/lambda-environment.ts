import { DEFAULT_CONVERSATION_TTL_SECONDS } from '../conversations/conversation-store';

/**
 * The environment variables the chat Lambda reads, one owner for their names: the CDK chat stack sets them
 * (it imports this module through `@autocorp/assistant/lambda-environment`), the handler reads them.
 */
export const CHAT_LAMBDA_ENV = {
  modelId: 'AUTOCORP_CHAT_MODEL_ID',
  knowledgeBaseId: 'AUTOCORP_KNOWLEDGE_BASE_ID',
  workGroup: 'AUTOCORP_ATHENA_WORKGROUP',
  database: 'AUTOCORP_GLUE_DATABASE',
  rowCap: 'AUTOCORP_CHAT_ROW_CAP',
  toolTimeoutMs: 'AUTOCORP_CHAT_TOOL_TIMEOUT_MS',
  conversationTable: 'AUTOCORP_CHAT_CONVERSATION_TABLE',
  conversationTtlSeconds: 'AUTOCORP_CHAT_CONVERSATION_TTL_SECONDS',
} as const;

export interface ChatLambdaSettings {
  readonly modelId: string;
  readonly knowledgeBaseId: string;
  readonly workGroup: string;
  readonly database: string;
  readonly rowCap: number;
  readonly toolTimeoutMs: number;
  /** The DynamoDB table the conversations are kept in (CONVERSATION_TABLE's shape). */
  readonly conversationTable: string;
  readonly conversationTtlSeconds: number;
}

export const DEFAULT_CHAT_ROW_CAP = 200;
export const DEFAULT_CHAT_TOOL_TIMEOUT_MS = 20_000;

/** The chat Lambda's settings from its environment; a missing or malformed variable is named in the error. */
export function chatLambdaSettings(env: Readonly<Record<string, string | undefined>>): ChatLambdaSettings {
  const required = (key: keyof typeof CHAT_LAMBDA_ENV): string => {
    const value = env[CHAT_LAMBDA_ENV[key]]?.trim();
    if (!value) throw new Error(`The chat Lambda needs ${CHAT_LAMBDA_ENV[key]}; the CDK chat stack sets it.`);
    return value;
  };
  const positive = (key: 'rowCap' | 'toolTimeoutMs' | 'conversationTtlSeconds', fallback: number): number => {
    const text = env[CHAT_LAMBDA_ENV[key]];
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${CHAT_LAMBDA_ENV[key]} is "${text}"; set it to a positive whole number or leave it unset.`);
    return value;
  };
  return {
    modelId: required('modelId'),
    knowledgeBaseId: required('knowledgeBaseId'),
    workGroup: required('workGroup'),
    database: required('database'),
    rowCap: positive('rowCap', DEFAULT_CHAT_ROW_CAP),
    toolTimeoutMs: positive('toolTimeoutMs', DEFAULT_CHAT_TOOL_TIMEOUT_MS),
    conversationTable: required('conversationTable'),
    conversationTtlSeconds: positive('conversationTtlSeconds', DEFAULT_CONVERSATION_TTL_SECONDS),
  };
}
