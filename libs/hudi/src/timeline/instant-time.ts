import { HudiError } from '../hudi-error';

/** Timezone used for new instant times (`hoodie.table.timeline.timezone`). */
export type TimelineTimezone = 'UTC' | 'LOCAL';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a date as a Hudi instant time `yyyyMMddHHmmssSSS`. */
export function formatInstantTime(date: Date, timezone: TimelineTimezone = 'UTC'): string {
  if (timezone === 'UTC') {
    return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}${pad(date.getUTCMilliseconds(), 3)}`;
  }
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}${pad(date.getMilliseconds(), 3)}`;
}

/** Parses `yyyyMMddHHmmss[SSS]` into a Date. */
export function parseInstantTime(instant: string, timezone: TimelineTimezone = 'UTC'): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(instant);
  if (!m)
    throw new HudiError(
      'invalid-option',
      `Instant time "${instant}" is not in the form yyyyMMddHHmmssSSS; pass 17 digits such as 20240418173551906.`,
    );
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  return timezone === 'UTC'
    ? new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms))
    : new Date(y as number, (mo as number) - 1, d, h, mi, s, ms);
}

/**
 * Normalises a point in time given by the caller to a 17-digit instant: an instant string of 14 or 17
 * digits, a timestamp text such as `2024-04-18 17:35:51.906` / ISO `2024-04-18T22:35:51.906Z`, or a Date.
 */
export function toInstantTime(value: string | Date, timezone: TimelineTimezone = 'UTC'): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new HudiError(
        'invalid-option',
        'The Date given as a point in time is invalid; pass a valid Date or an instant string.',
      );
    return formatInstantTime(value, timezone);
  }
  const text = value.trim();
  if (/^\d{14}$/.test(text)) return `${text}000`;
  if (/^\d{17}$/.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
    if (hasZone) return formatInstantTime(new Date(text), timezone);
    const digits = text.replace(/\D/g, '');
    return digits.padEnd(17, '0').slice(0, 17);
  }
  throw new HudiError(
    'invalid-option',
    `"${value}" is not a point in time; pass an instant (yyyyMMddHHmmssSSS), a timestamp (yyyy-MM-dd HH:mm:ss.SSS) or a Date.`,
  );
}

/** A new instant time strictly after `after` (if given), based on the clock. */
export function newInstantTime(
  after: string | undefined,
  timezone: TimelineTimezone = 'UTC',
  now = new Date(),
): string {
  let candidate = formatInstantTime(now, timezone);
  if (after !== undefined && candidate <= after) {
    candidate = formatInstantTime(new Date(parseInstantTime(after, timezone).getTime() + 1), timezone);
  }
  return candidate;
}
