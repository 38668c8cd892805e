import type { ChartPoint } from '../chat/chart-points';

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 44 };

function short(label: string): string {
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

/** The chart an answer suggests: a small SVG line or bar chart of its points (no chart library). */
export function AnswerChart({
  kind,
  title,
  points,
}: {
  kind: 'line' | 'bar';
  title: string;
  points: readonly ChartPoint[];
}) {
  const max = Math.max(0, ...points.map((p) => p.value)) || 1;
  const spanX = WIDTH - PAD.left - PAD.right;
  const spanY = HEIGHT - PAD.top - PAD.bottom;
  const step = spanX / Math.max(1, points.length);
  const x = (i: number) => PAD.left + step * i + step / 2;
  const y = (v: number) => PAD.top + spanY - (Math.max(0, v) / max) * spanY;
  const labelEvery = Math.ceil(points.length / 8);
  return (
    <figure className="chart" data-testid="answer-chart" data-chart={kind}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        <line className="axis" x1={PAD.left} y1={PAD.top + spanY} x2={WIDTH - PAD.right} y2={PAD.top + spanY} />
        <text className="tick" x={PAD.left - 6} y={PAD.top + 8} textAnchor="end">
          {max.toLocaleString('en-US', { maximumFractionDigits: 2 })}
        </text>
        <text className="tick" x={PAD.left - 6} y={PAD.top + spanY} textAnchor="end">
          0
        </text>
        {kind === 'line' ? (
          <polyline className="series" fill="none" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
        ) : null}
        {points.map((p, i) => (
          <g key={`${p.label}-${i}`} className="point" data-label={p.label} data-value={p.value}>
            {kind === 'bar' ? (
              <rect
                x={x(i) - step * 0.35}
                y={y(p.value)}
                width={step * 0.7}
                height={PAD.top + spanY - y(p.value)}
                rx={2}
              />
            ) : (
              <circle cx={x(i)} cy={y(p.value)} r={3} />
            )}
            {i % labelEvery === 0 ? (
              <text className="tick" x={x(i)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">
                {short(p.label)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="muted small">{title}</figcaption>
    </figure>
  );
}
