import { formatNumber } from '../format';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const ROW = 26;
const LABEL = 190;
const WIDTH = 640;

/** Horizontal bars with their labels and values, as SVG that scales to its box. */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId?: string }) {
  if (bars.length === 0) return <p className="muted">No data for {title}.</p>;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const height = bars.length * ROW + 8;
  const span = WIDTH - LABEL - 90;
  return (
    <figure className="chart" data-testid={testId} data-chart="bar">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const w = Math.max(1, (Math.max(0, bar.value) / max) * span);
          return (
            <g key={`${bar.label}-${i}`} className="bar" data-label={bar.label} data-value={bar.value}>
              <text className="tick" x={LABEL - 6} y={y + 16} textAnchor="end">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y + 3} width={w} height={ROW - 8} rx={2} />
              <text className="tick" x={LABEL + w + 6} y={y + 16}>
                {formatNumber(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
