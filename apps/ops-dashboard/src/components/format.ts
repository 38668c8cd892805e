/** Formatting shared by the pages (numbers, durations, times, bytes). */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : decimal.format(value);
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${decimal.format(seconds)} s`;
  if (seconds < 7200) return `${decimal.format(seconds / 60)} min`;
  return `${decimal.format(seconds / 3600)} h`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value)} ${units[unit]}`;
}

/** A local time of day, or date and time when not today. */
export function formatTime(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleString();
}

/** "12 s ago", "3 min ago". */
export function formatAge(ms: number | null | undefined, now: number): string {
  if (ms === null || ms === undefined) return '—';
  return `${formatSeconds(Math.max(0, (now - ms) / 1000))} ago`;
}

/** A result cell as text. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
