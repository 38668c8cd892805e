import { InfraError } from '../infra-error';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys that pick the variant of a configuration union: when an override changes one, the whole section is replaced. */
const DISCRIMINATORS = ['mode', 'kind', 'enabled'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges an override (parsed JSON) onto a base configuration. Arrays and scalars replace; objects merge,
 * unless the override switches a union variant (a different `mode`, `kind` or `enabled`), which replaces the section.
 * Keys the base does not know are rejected so a typo cannot be silently ignored.
 */
export function mergeOverrides<T>(base: T, override: unknown, where = 'config'): T {
  if (!isObject(override)) {
    throw new InfraError(
      'invalid-override',
      `${where} in the override file must be a JSON object, got ${JSON.stringify(override)}.`,
    );
  }
  const baseRecord = base as unknown as Record<string, unknown>;
  const switchesVariant = DISCRIMINATORS.some(
    (key) => key in override && key in baseRecord && override[key] !== baseRecord[key],
  );
  if (switchesVariant) return override as T;
  const merged: Record<string, unknown> = { ...baseRecord };
  for (const [key, value] of Object.entries(override)) {
    const current = baseRecord[key];
    if (!(key in baseRecord) && !OPTIONAL_KEYS.has(key)) {
      throw new InfraError(
        'invalid-override',
        `Unknown setting ${where}.${key} in the override file. Check the spelling against infra/src/config/environment-config.ts.`,
      );
    }
    merged[key] =
      isObject(current) && isObject(value) ? mergeOverrides(current, value as Json, `${where}.${key}`) : value;
  }
  return merged as T;
}

/** Optional settings that a base configuration may leave out but an override may set. */
const OPTIONAL_KEYS = new Set([
  'source',
  'schedule',
  'alarmEmail',
  'workflowSchedule',
  'rawCrawlerSchedule',
  'domain',
  'transitGateway',
]);
