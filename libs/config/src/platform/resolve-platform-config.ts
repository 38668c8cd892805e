import path from 'node:path';
import { ConfigError } from '../config-error';
import { PROFILES, type Profile } from '../profile';
import { type AssistantConfig, checkAssistantConfig } from './assistant-config';
import { type AssistantProviderName, CONFIG_KEYS, type ConfigKey, type ConfigKeySpec } from './config-keys';
import { type ConfigFile, configFilePath, readConfigFile } from './config-file';

/** Where a value came from, highest precedence first. */
export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

/** The configuration of a running platform (`autocorp up`), every key validated. */
export interface PlatformConfig {
  readonly profile: Profile;
  readonly scale: number;
  readonly seed: number;
  readonly api: { readonly host: string; readonly port: number };
  /** Absolute folder or URI; undefined = the default under AUTOCORP_HOME. */
  readonly paths: { readonly lake: string | undefined; readonly watch: string | undefined };
  readonly intervals: { readonly etlDebounceMs: number; readonly cdcCutMs: number };
  readonly simulator: { readonly ordersPerSecond: number; readonly seed: number };
  /** The chat endpoint's answerer. */
  readonly assistant: AssistantConfig;
  /** The config file read, if any. */
  readonly file: string | undefined;
  /** Where each key's value came from. */
  readonly sources: Readonly<Record<ConfigKey, ConfigSource>>;
}

export interface ResolvePlatformConfigOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Command-line values (the highest precedence), by key, as typed: e.g. { 'simulator.ordersPerSecond': '100' }. */
  readonly flags?: Partial<Record<ConfigKey, { readonly flag: string; readonly value: string }>>;
}

/**
 * Resolves every configuration key: a command-line flag, else its environment variable, else the
 * config file (AUTOCORP_CONFIG or ./autocorp.config.json), else the default. Every value is checked;
 * a bad one throws a ConfigError naming where it came from, the key, and the fix.
 */
export function resolvePlatformConfig(options: ResolvePlatformConfigOptions = {}): PlatformConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const filePath = configFilePath(env, cwd);
  const file = filePath === undefined ? undefined : readConfigFile(filePath);
  const values = new Map<ConfigKey, number | string | undefined>();
  const sources = {} as Record<ConfigKey, ConfigSource>;
  for (const spec of CONFIG_KEYS) {
    const resolved = resolveKey(spec, env, cwd, file, options.flags?.[spec.key]);
    values.set(spec.key, resolved.value);
    sources[spec.key] = resolved.source;
  }
  const num = (key: ConfigKey) => values.get(key) as number;
  const str = (key: ConfigKey) => values.get(key) as string | undefined;
  return {
    profile: str('profile') as Profile,
    scale: num('scale'),
    seed: num('seed'),
    api: { host: str('api.host') as string, port: num('api.port') },
    paths: { lake: str('paths.lake'), watch: str('paths.watch') },
    intervals: { etlDebounceMs: num('intervals.etlDebounceMs'), cdcCutMs: num('intervals.cdcCutMs') },
    simulator: { ordersPerSecond: num('simulator.ordersPerSecond'), seed: num('simulator.seed') },
    assistant: checkAssistantConfig(
      {
        provider: str('assistant.provider') as AssistantProviderName,
        baseUrl: str('assistant.baseUrl'),
        model: str('assistant.model'),
        embeddingsUrl: str('assistant.embeddingsUrl'),
        embeddingsModel: str('assistant.embeddingsModel'),
      },
      (key) => describeSource(CONFIG_KEYS.find((k) => k.key === key) as ConfigKeySpec, sources[key], file?.path),
    ),
    file: file?.path,
    sources,
  };
}

function resolveKey(
  spec: ConfigKeySpec,
  env: NodeJS.ProcessEnv,
  cwd: string,
  file: ConfigFile | undefined,
  flag: { readonly flag: string; readonly value: string } | undefined,
): { value: number | string | undefined; source: ConfigSource } {
  if (flag !== undefined) {
    return { value: parseValue(spec, flag.value, `--${flag.flag}`, cwd), source: 'flag' };
  }
  const fromEnv = env[spec.env];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { value: parseValue(spec, fromEnv, `The environment variable ${spec.env}`, cwd), source: 'env' };
  }
  if (file?.values.has(spec.key)) {
    const raw = file.values.get(spec.key);
    const where = `The config file ${file.path} key "${spec.key}"`;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw invalid(spec, where, JSON.stringify(raw));
    }
    if (typeof raw === 'string' && isNumeric(spec)) throw invalid(spec, where, JSON.stringify(raw), 'a JSON number');
    if (typeof raw === 'number' && !isNumeric(spec)) throw invalid(spec, where, String(raw), 'a JSON string');
    return { value: parseValue(spec, String(raw), where, path.dirname(file.path)), source: 'file' };
  }
  return { value: spec.default, source: 'default' };
}

function isNumeric(spec: ConfigKeySpec): boolean {
  return spec.type === 'integer' || spec.type === 'number';
}

function parseValue(spec: ConfigKeySpec, text: string, where: string, base: string): number | string {
  const trimmed = text.trim();
  switch (spec.type) {
    case 'profile':
      if ((PROFILES as readonly string[]).includes(trimmed)) return trimmed;
      throw invalid(spec, where, `"${text}"`);
    case 'string':
      if (trimmed !== '') return trimmed;
      throw invalid(spec, where, '""');
    case 'choice':
      if (spec.choices?.includes(trimmed)) return trimmed;
      throw invalid(spec, where, `"${text}"`);
    case 'url':
      if (isHttpUrl(trimmed)) return trimmed.replace(/\/+$/, '');
      throw invalid(spec, where, `"${text}"`);
    case 'path':
      if (trimmed === '') throw invalid(spec, where, '""');
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : path.resolve(base, trimmed);
    case 'integer':
    case 'number': {
      const n = Number(trimmed);
      const ok =
        trimmed !== '' &&
        Number.isFinite(n) &&
        (spec.type === 'number' || Number.isInteger(n)) &&
        (spec.min === undefined || (spec.exclusiveMin ? n > spec.min : n >= spec.min)) &&
        (spec.max === undefined || n <= spec.max);
      if (ok) return n;
      throw invalid(spec, where, `"${text}"`);
    }
  }
}

/** What a key accepts, in words: "a whole number from 0 to 65535". */
export function describeAccepted(spec: ConfigKeySpec): string {
  switch (spec.type) {
    case 'profile':
      return `one of: ${PROFILES.join(', ')}`;
    case 'string':
      return 'a non-empty string';
    case 'choice':
      return `one of: ${(spec.choices ?? []).join(', ')}`;
    case 'url':
      return 'an http:// or https:// URL';
    case 'path':
      return 'a folder path or a URI';
    case 'integer':
    case 'number': {
      const what = spec.type === 'integer' ? 'a whole number' : 'a number';
      const low = spec.min === undefined ? undefined : `${spec.exclusiveMin ? 'greater than' : 'at least'} ${spec.min}`;
      const high = spec.max === undefined ? undefined : `at most ${spec.max}`;
      return [what, low, high].filter(Boolean).join(', ');
    }
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Where a key's value is set, in words, for a message that says where to change it. */
function describeSource(spec: ConfigKeySpec, source: ConfigSource, file: string | undefined): string {
  if (source === 'env') return `the environment variable ${spec.env}`;
  if (source === 'file') return `the config file ${file} key "${spec.key}"`;
  if (source === 'flag') return `the command line`;
  return `${spec.key} (unset)`;
}

function invalid(spec: ConfigKeySpec, where: string, shown: string, expected?: string): ConfigError {
  const example = spec.default === undefined ? '' : ` (default ${JSON.stringify(spec.default)})`;
  return new ConfigError(
    'invalid-config-value',
    `${where} is ${shown}, which is not valid for ${spec.key}: give ${expected ?? describeAccepted(spec)}${example}. ${spec.key} is: ${spec.description}.`,
  );
}
