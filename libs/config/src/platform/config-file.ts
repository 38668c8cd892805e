import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-error';
import { CONFIG_KEYS } from './config-keys';

export const CONFIG_FILE_NAME = 'autocorp.config.json';

/** A config file read and flattened to its dotted keys ("api.port" -> 8740). */
export interface ConfigFile {
  readonly path: string;
  readonly values: ReadonlyMap<string, unknown>;
}

/**
 * Finds the config file: AUTOCORP_CONFIG when set (it must exist), else `autocorp.config.json` in
 * `cwd` when present, else none (the file is optional).
 */
export function configFilePath(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const named = env.AUTOCORP_CONFIG;
  if (named !== undefined && named.trim() !== '') {
    const file = path.resolve(cwd, named);
    if (!existsSync(file)) {
      throw new ConfigError(
        'config-file-unreadable',
        `AUTOCORP_CONFIG names ${file}, which does not exist. Create it (see docs/running.md, "Configuration") or unset AUTOCORP_CONFIG.`,
      );
    }
    return file;
  }
  const local = path.join(cwd, CONFIG_FILE_NAME);
  return existsSync(local) ? local : undefined;
}

/** Reads and flattens a config file; rejects bad JSON, keys that are not config keys, and nesting that is not an object. */
export function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'config-file-unreadable',
      `Cannot read the config file ${file}: ${(error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'config-file-invalid',
      `The config file ${file} is not valid JSON (${(error as Error).message}). Fix the JSON, or delete the file to use the defaults.`,
      { cause: error },
    );
  }
  if (!isObject(parsed)) {
    throw new ConfigError(
      'config-file-invalid',
      `The config file ${file} must hold one JSON object, e.g. { "api": { "port": 8740 } }.`,
    );
  }
  const values = new Map<string, unknown>();
  flatten(parsed, '', values, file);
  return { path: file, values };
}

const KNOWN = new Set<string>(CONFIG_KEYS.map((k) => k.key));
const SECTIONS = new Set<string>(CONFIG_KEYS.flatMap((k) => prefixes(k.key)));

function prefixes(key: string): string[] {
  const parts = key.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

function flatten(object: Record<string, unknown>, prefix: string, into: Map<string, unknown>, file: string): void {
  for (const [name, value] of Object.entries(object)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (name === '$schema' || name === '//' || name.startsWith('_comment')) continue;
    if (SECTIONS.has(key)) {
      if (!isObject(value)) {
        throw new ConfigError(
          'invalid-config-value',
          `The config file ${file} has "${key}" as ${JSON.stringify(value)}; it is a section: give an object, e.g. ${sectionExample(key)}.`,
        );
      }
      flatten(value, key, into, file);
    } else if (KNOWN.has(key)) {
      into.set(key, value);
    } else {
      throw new ConfigError(
        'unknown-config-key',
        `The config file ${file} has the key "${key}", which is not a configuration key. Remove it or use one of: ${[...KNOWN].join(', ')}.`,
      );
    }
  }
}

function sectionExample(section: string): string {
  const spec = CONFIG_KEYS.find((k) => k.key.startsWith(`${section}.`));
  if (!spec) return '{}';
  return `{ "${spec.key.slice(section.length + 1)}": ${JSON.stringify(spec.default ?? '...')} }`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
