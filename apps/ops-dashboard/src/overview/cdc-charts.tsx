'use client';
import type { MetricsResponse, PlatformClient } from '@autocorp/platform-client';
import { ApiView } from '../components/api-state';
import { LineChart } from '../components/charts/line-chart';
import { formatNumber, formatSeconds } from '../components/format';
import { useApi } from '../platform/use-api';

const HISTORY_MS = 60 * 60 * 1000;

function loadCdcMetrics(client: PlatformClient): Promise<MetricsResponse> {
  return client.metrics({ query: { series: 'cdc.lagSeconds,cdc.rows', from: Date.now() - HISTORY_MS } });
}

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** CDC lag and rows per second over the last hour, from the API's metrics history. */
export function CdcCharts() {
  const { result } = useApi(loadCdcMetrics, { refreshOn: ['cdc-batch', 'cdc-status'] });
  return (
    <div className="grid">
      <ApiView result={result} what="the metrics history">
        {(metrics) => {
          const series = (name: string) => metrics.series.find((s) => s.name === name)?.points ?? [];
          const perSecond = metrics.bucketMs / 1000;
          return (
            <>
              <section className="panel" aria-labelledby="lag-title">
                <h2 id="lag-title">CDC lag (last hour)</h2>
                <LineChart
                  title="CDC lag in seconds"
                  testId="cdc-lag-chart"
                  series={[{ name: 'lag', points: series('cdc.lagSeconds').map((p) => ({ x: p.t, y: p.v })) }]}
                  formatX={clock}
                  formatY={formatSeconds}
                />
              </section>
              <section className="panel" aria-labelledby="rows-title">
                <h2 id="rows-title">CDC rows/s (last hour)</h2>
                <LineChart
                  title="CDC rows per second"
                  testId="cdc-rows-chart"
                  series={[{ name: 'rows/s', points: series('cdc.rows').map((p) => ({ x: p.t, y: p.v / perSecond })) }]}
                  formatX={clock}
                  formatY={formatNumber}
                />
              </section>
            </>
          );
        }}
      </ApiView>
    </div>
  );
}
