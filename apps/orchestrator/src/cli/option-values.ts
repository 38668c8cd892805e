import { CliError } from './cli-error';

/** Reads a numeric option, with a clear usage error naming the flag and the value. */
export function numberOption(
  value: unknown,
  flag: string,
  check: { min?: number; integer?: boolean; exclusiveMin?: boolean } = {},
): number {
  const text = String(value);
  const n = Number(text);
  const bad =
    text.trim() === '' ||
    !Number.isFinite(n) ||
    (check.integer && !Number.isInteger(n)) ||
    (check.min !== undefined && (check.exclusiveMin ? n <= check.min : n < check.min));
  if (bad) {
    const want = [
      check.integer ? 'a whole number' : 'a number',
      check.min !== undefined ? `${check.exclusiveMin ? 'greater than' : 'at least'} ${check.min}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    throw new CliError('usage', `--${flag} must be ${want}, got "${text}".`);
  }
  return n;
}

/** Reads a comma-separated option restricted to known values. */
export function listOption<T extends string>(value: unknown, flag: string, allowed: readonly T[]): T[] {
  const items = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new CliError('usage', `--${flag} needs at least one of: ${allowed.join(', ')}.`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new CliError('usage', `--${flag} has "${item}", which is not one of: ${allowed.join(', ')}.`);
    }
  }
  return [...new Set(items)] as T[];
}
