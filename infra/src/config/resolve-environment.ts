import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from '../infra-error';
import { ENVIRONMENT_NAMES, type EnvironmentConfig, type EnvironmentName } from './environment-config';
import { ENVIRONMENTS } from './environments';
import { mergeOverrides } from './merge-overrides';
import { validateConfig } from './validate-config';

/** Where overrides come from: CDK context (`-c key=value`) first, then environment variables. */
export interface OverrideSources {
  /** Reads a CDK context value (`app.node.tryGetContext`). */
  readonly context: (key: string) => unknown;
  readonly env: NodeJS.ProcessEnv;
  /** Folder a relative config file path is resolved against. */
  readonly cwd: string;
}

/** Context keys and environment variables that override the in-code configuration. */
export const OVERRIDES = {
  environment: { context: 'env', env: 'AUTOCORP_ENV' },
  account: { context: 'account', env: 'AUTOCORP_AWS_ACCOUNT' },
  region: { context: 'region', env: 'AUTOCORP_AWS_REGION' },
  alarmEmail: { context: 'alarmEmail', env: 'AUTOCORP_ALARM_EMAIL' },
  configFile: { context: 'configFile', env: 'AUTOCORP_INFRA_CONFIG' },
} as const;

function pick(sources: OverrideSources, which: keyof typeof OVERRIDES): string | undefined {
  const { context, env } = OVERRIDES[which];
  const fromContext = sources.context(context);
  if (fromContext !== undefined && fromContext !== null && String(fromContext).trim() !== '')
    return String(fromContext).trim();
  const fromEnv = sources.env[env];
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv.trim() : undefined;
}

export function isEnvironmentName(name: string): name is EnvironmentName {
  return (ENVIRONMENT_NAMES as readonly string[]).includes(name);
}

function readConfigFile(file: string, name: EnvironmentName): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InfraError(
      'invalid-override',
      `Cannot read the infra config file ${file} (${(error as Error).message}). Fix the path in AUTOCORP_INFRA_CONFIG or -c configFile=...`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InfraError(
      'invalid-override',
      `The infra config file ${file} is not valid JSON (${(error as Error).message}).`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InfraError(
      'invalid-override',
      `The infra config file ${file} must hold an object keyed by environment, e.g. {"prod": {"account": "123456789012"}}.`,
    );
  }
  const unknownKeys = Object.keys(parsed).filter((key) => !isEnvironmentName(key));
  if (unknownKeys.length > 0) {
    throw new InfraError(
      'invalid-override',
      `The infra config file ${file} has unknown environment(s) ${unknownKeys.join(', ')}; use ${ENVIRONMENT_NAMES.join(', ')}.`,
    );
  }
  return (parsed as Record<string, unknown>)[name];
}

/**
 * The configuration of the selected environment (default dev): the in-code settings, then the override
 * file's section for that environment, then account / region / alarm e-mail from context or environment.
 * Throws InfraError when the name is unknown or the result is not deployable.
 */
export function resolveEnvironment(sources: OverrideSources): EnvironmentConfig {
  const name = pick(sources, 'environment') ?? 'dev';
  if (!isEnvironmentName(name)) {
    throw new InfraError(
      'invalid-environment',
      `Unknown environment "${name}". Pass -c env=<${ENVIRONMENT_NAMES.join('|')}> or set AUTOCORP_ENV to one of them.`,
    );
  }
  let config: EnvironmentConfig = ENVIRONMENTS[name];
  const file = pick(sources, 'configFile');
  if (file !== undefined) {
    const section = readConfigFile(path.resolve(sources.cwd, file), name);
    if (section !== undefined) config = mergeOverrides(config, section, name);
    if (config.name !== name)
      throw new InfraError(
        'invalid-override',
        `The override file cannot rename environment "${name}"; remove its "name" setting.`,
      );
  }
  const account = pick(sources, 'account');
  const region = pick(sources, 'region');
  const alarmEmail = pick(sources, 'alarmEmail');
  config = {
    ...config,
    ...(account !== undefined ? { account } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(alarmEmail !== undefined ? { monitoring: { ...config.monitoring, alarmEmail } } : {}),
  };
  return validateConfig(config);
}
