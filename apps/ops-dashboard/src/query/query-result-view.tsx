import type { QueryResultResponse } from '@autocorp/platform-client';
import { BarChart } from '../components/charts/bar-chart';
import { LineChart } from '../components/charts/line-chart';
import { DataTable } from '../components/data-table';
import { formatBytes, formatCount } from '../components/format';
import type { QueryChart } from './query-chart';

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** A query's answer: its chart when one fits, then the rows, with what it ran over. */
export function QueryResultView({ result, chart }: { result: QueryResultResponse; chart: QueryChart }) {
  return (
    <div data-testid="query-result">
      <p className="small muted">
        {formatCount(result.rows.length)} rows{result.truncated ? ` (truncated at ${formatCount(result.maxRows)})` : ''}{' '}
        in {formatCount(result.elapsedMs)} ms
        {result.bytesScanned !== null ? `, ${formatBytes(result.bytesScanned)} scanned` : ''}
        {result.period
          ? `; period ${result.period.from} (${result.period.fromSource}) to ${result.period.to} (${result.period.toSource})`
          : ''}
      </p>
      {chart.kind === 'line' ? (
        <LineChart title={chart.title} series={chart.series} formatX={monthOf} testId="query-chart" />
      ) : chart.kind === 'bars' ? (
        <BarChart title={chart.title} bars={chart.bars} testId="query-chart" />
      ) : null}
      <DataTable testId="query-rows" caption="Result rows" columns={result.columns} rows={result.rows} />
    </div>
  );
}
