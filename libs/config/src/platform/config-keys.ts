import { PROFILES } from '../profile';

/**
 * Every key of `autocorp.config.json`, each defined once: its environment variable, its type and
 * range, its default and what it means. docs/running.md lists them; the resolver and its messages
 * read them from here.
 */
export type ConfigValueType = 'integer' | 'number' | 'string' | 'path' | 'profile' | 'choice' | 'url';

export interface ConfigKeySpec {
  /** Dotted path in the config file, e.g. "api.port". */
  readonly key: string;
  /** Environment variable that overrides the file. */
  readonly env: string;
  readonly type: ConfigValueType;
  /** Inclusive lower bound of a numeric value; `exclusiveMin` makes it exclusive. */
  readonly min?: number;
  readonly exclusiveMin?: boolean;
  readonly max?: number;
  /** The values a `choice` key accepts. */
  readonly choices?: readonly string[];
  /** The default; undefined means "derived at run time" (described in `description`). */
  readonly default: number | string | undefined;
  readonly description: string;
}

/** The scale `npm start` generates at: small enough for a laptop in well under a minute. */
export const DEFAULT_SCALE = 0.01;
/** The generator seed of the default data set. */
export const DEFAULT_GENERATOR_SEED = 42;
/** Where the platform API listens by default (loopback only). */
export const DEFAULT_API_HOST = '127.0.0.1';
export const DEFAULT_API_PORT = 8740;
/**
 * How long the ETL scheduler waits after newly committed raw files before a micro-batch. Short: a
 * micro-batch takes longer than this under load, and changes arriving during it join the next one.
 */
export const DEFAULT_ETL_INTERVAL_MS = 250;
/**
 * CDC cuts a batch of files after this long (see @autocorp/cdc cutIntervalMs): a change waits up to
 * this long for its file under a steady stream (half of it once the stream goes quiet).
 */
export const DEFAULT_CDC_CUT_MS = 500;
/** The chat assistant's answerers: `local` needs no model and no network. */
export const ASSISTANT_PROVIDERS = ['local', 'openai-compatible', 'bedrock'] as const;
export type AssistantProviderName = (typeof ASSISTANT_PROVIDERS)[number];

export const CONFIG_KEYS = [
  {
    key: 'profile',
    env: 'AUTOCORP_PROFILE',
    type: 'profile',
    default: 'local',
    description: `Where the platform runs: ${PROFILES.join(' or ')}`,
  },
  {
    key: 'scale',
    env: 'AUTOCORP_SCALE',
    type: 'number',
    min: 0,
    exclusiveMin: true,
    max: 100,
    default: DEFAULT_SCALE,
    description: 'Generator scale used when the source database is empty (1 = 1.19M orders)',
  },
  {
    key: 'seed',
    env: 'AUTOCORP_SEED',
    type: 'integer',
    default: DEFAULT_GENERATOR_SEED,
    description: 'Generator seed used when the source database is empty',
  },
  {
    key: 'api.host',
    env: 'AUTOCORP_API_HOST',
    type: 'string',
    default: DEFAULT_API_HOST,
    description: 'Address the platform API binds to (keep 127.0.0.1 unless you mean to expose it)',
  },
  {
    key: 'api.port',
    env: 'AUTOCORP_API_PORT',
    type: 'integer',
    min: 0,
    max: 65535,
    default: DEFAULT_API_PORT,
    description: 'Port of the platform API (0 = any free port)',
  },
  {
    key: 'paths.lake',
    env: 'LAKE_URI',
    type: 'path',
    default: undefined,
    description: 'The lake: a folder, file:///... or s3://bucket/prefix (default <AUTOCORP_HOME>/lake)',
  },
  {
    key: 'paths.watch',
    env: 'AUTOCORP_WATCH_DIR',
    type: 'path',
    default: undefined,
    description: 'Folder watched for CSV exports (default <AUTOCORP_HOME>/generated, where the generator writes them)',
  },
  {
    key: 'intervals.etlDebounceMs',
    env: 'AUTOCORP_ETL_INTERVAL_MS',
    type: 'integer',
    min: 10,
    max: 3_600_000,
    default: DEFAULT_ETL_INTERVAL_MS,
    description: 'Milliseconds between newly committed raw files and the ETL micro-batch (and between retries)',
  },
  {
    key: 'intervals.cdcCutMs',
    env: 'AUTOCORP_CDC_CUT_MS',
    type: 'integer',
    min: 10,
    max: 3_600_000,
    default: DEFAULT_CDC_CUT_MS,
    description: 'Milliseconds CDC collects changes before it writes them as files',
  },
  {
    key: 'simulator.ordersPerSecond',
    env: 'AUTOCORP_SIMULATE',
    type: 'number',
    min: 0,
    max: 100_000,
    default: 0,
    description: 'Orders per second the simulator writes to PostgreSQL (0 = off; --simulate sets it)',
  },
  {
    key: 'simulator.seed',
    env: 'AUTOCORP_SIMULATOR_SEED',
    type: 'integer',
    default: 1,
    description: "The simulator's seed (--seed sets it): the same seed writes the same changes",
  },
  {
    key: 'assistant.provider',
    env: 'AUTOCORP_ASSISTANT_PROVIDER',
    type: 'choice',
    choices: ASSISTANT_PROVIDERS,
    default: 'local',
    description:
      'Who answers the chat endpoint: local (no model, no network), openai-compatible (a model server such as Ollama at assistant.baseUrl) or bedrock (Amazon Bedrock, AWS credentials)',
  },
  {
    key: 'assistant.baseUrl',
    env: 'AUTOCORP_ASSISTANT_BASE_URL',
    type: 'url',
    default: undefined,
    description: 'The OpenAI-compatible server of the openai-compatible provider, e.g. http://localhost:11434/v1',
  },
  {
    key: 'assistant.model',
    env: 'AUTOCORP_ASSISTANT_MODEL',
    type: 'string',
    default: undefined,
    description:
      'The model the provider calls, e.g. qwen2.5:7b (openai-compatible, required) or a Bedrock model id (default Nova Pro)',
  },
  {
    key: 'assistant.embeddingsUrl',
    env: 'AUTOCORP_ASSISTANT_EMBEDDINGS_URL',
    type: 'url',
    default: undefined,
    description:
      'An OpenAI-compatible embeddings server for vector retrieval, e.g. http://localhost:11434/v1 (unset = lexical retrieval)',
  },
  {
    key: 'assistant.embeddingsModel',
    env: 'AUTOCORP_ASSISTANT_EMBEDDINGS_MODEL',
    type: 'string',
    default: undefined,
    description: 'The embedding model at assistant.embeddingsUrl, e.g. nomic-embed-text (required with it)',
  },
] as const satisfies readonly ConfigKeySpec[];

export type ConfigKey = (typeof CONFIG_KEYS)[number]['key'];
