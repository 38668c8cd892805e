import { formatCount, formatDuration, formatRate } from './format';

const BAR_WIDTH = 24;

export interface ProgressLineState {
  readonly label: string;
  readonly value: number;
  readonly total: number | undefined;
  readonly unit: string;
  readonly elapsedSeconds: number;
}

/** One progress line: label, bar, percentage, count, rate and ETA (count, rate and time when the total is unknown). */
export function renderProgressLine(state: ProgressLineState): string {
  const { label, value, total, unit, elapsedSeconds: elapsed } = state;
  const rate = elapsed > 0 ? value / elapsed : 0;
  const parts = [label];
  if (total && total > 0) {
    const ratio = Math.min(1, value / total);
    const filled = Math.round(ratio * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`, `${(ratio * 100).toFixed(0).padStart(3)}%`);
    parts.push(`${formatCount(value)}/${formatCount(total)} ${unit}`);
    const eta = rate > 0 ? Math.max(0, total - value) / rate : Number.NaN;
    parts.push(formatRate(rate), `ETA ${formatDuration(eta)}`);
  } else {
    parts.push(`${formatCount(value)} ${unit}`, formatRate(rate), formatDuration(elapsed));
  }
  return parts.join('  ');
}
