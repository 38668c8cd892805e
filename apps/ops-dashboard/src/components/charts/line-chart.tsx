import { formatNumber } from '../format';

export interface LineSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 76, right: 12, top: 12, bottom: 28 };

/**
 * Lines over a numeric x axis (time in ms, or an index), drawn as SVG that scales to its box.
 * `formatX` labels the first and last x; the table beside it carries the exact values.
 */
export function LineChart({
  title,
  series,
  formatX,
  formatY = formatNumber,
  testId,
}: {
  title: string;
  series: readonly LineSeries[];
  formatX: (x: number) => string;
  formatY?: (y: number) => string;
  testId?: string;
}) {
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return <p className="muted">No data for {title} yet.</p>;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const maxY = Math.max(0, ...ys);
  const minY = Math.min(0, ...ys);
  const sx = (x: number) => PAD.left + ((x - minX) / (maxX - minX || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((y - minY) / (maxY - minY || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure className="chart" data-testid={testId} data-chart="line">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(minY)} y2={sy(minY)} />
        <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <text className="tick" x={PAD.left - 6} y={sy(maxY) + 4} textAnchor="end">
          {formatY(maxY)}
        </text>
        <text className="tick" x={PAD.left - 6} y={sy(minY)} textAnchor="end">
          {formatY(minY)}
        </text>
        <text className="tick" x={PAD.left} y={HEIGHT - 8}>
          {formatX(minX)}
        </text>
        <text className="tick" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {formatX(maxX)}
        </text>
        {series.map((s, i) => (
          <g key={s.name} className={`series series-${i % 6}`} data-series={s.name}>
            <polyline
              fill="none"
              points={[...s.points]
                .sort((a, b) => a.x - b.x)
                .map((p) => `${sx(p.x)},${sy(p.y)}`)
                .join(' ')}
            />
            {s.points.length === 1 ? <circle cx={sx(s.points[0]!.x)} cy={sy(s.points[0]!.y)} r={3} /> : null}
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <figcaption className="legend">
          {series.map((s, i) => (
            <span key={s.name} className={`legend-item series-${i % 6}`}>
              <span className="swatch" aria-hidden="true" />
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
