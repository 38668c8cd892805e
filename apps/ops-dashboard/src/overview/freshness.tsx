'use client';
import type { PlatformClient, RunReportBody } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
import { LightBadge } from '../components/health-badge';
import { formatAge, formatTime } from '../components/format';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';
import { latestRunPerJob } from './overview-data';

interface TableFreshness {
  readonly table: string;
  /** The last completed commit (ms since the epoch), null before the first. */
  readonly lastCommit: number | null;
}

async function loadFreshness(client: PlatformClient): Promise<TableFreshness[]> {
  const catalog = await client.tables();
  return catalog.zones
    .filter((z) => z.zone === 'curated')
    .flatMap((z) => z.tables)
    .map((t) => ({ table: t.name, lastCommit: t.latestCommit ? Date.parse(t.latestCommit.time) : null }));
}

/** Why a table is (not) current: its job's newest run failed or blocked, no commit yet, or current. */
function freshnessState(t: TableFreshness, run: RunReportBody | undefined) {
  if (run && (run.status === 'failed' || run.status === 'blocked'))
    return <LightBadge light="red" label={`late: last run ${run.status} (${run.error ?? 'see Runs'})`} />;
  if (t.lastCommit === null) return <LightBadge light="amber" label="no commit yet" />;
  return <LightBadge light="green" label={run?.status === 'no-new-input' ? 'current (no new input)' : 'current'} />;
}

function freshnessColumns(latest: Map<string, RunReportBody>, now: number): ColumnSpec<TableFreshness>[] {
  return [
    { header: 'Table', cell: (t) => t.table },
    { header: 'Last commit', cell: (t) => formatTime(t.lastCommit) },
    { header: 'Age', cell: (t) => formatAge(t.lastCommit, now) },
    { header: 'State', cellClass: () => 'wrap', cell: (t) => freshnessState(t, latest.get(t.table)) },
  ];
}

/** Each curated table's last commit and its age; the reason when its job's newest run did not commit. */
export function Freshness({ runs }: { runs: readonly RunReportBody[] }) {
  const { result } = useApi(loadFreshness, { refreshOn: DATA_EVENTS });
  const latest = new Map(latestRunPerJob(runs).map((r) => [r.job, r]));
  return (
    <section className="panel" aria-labelledby="freshness-title">
      <h2 id="freshness-title">Freshness of the curated tables</h2>
      <ApiView result={result} what="the curated tables">
        {(tables) =>
          tables.length === 0 ? (
            <Empty>No curated table yet: the first ETL run creates them.</Empty>
          ) : (
            <ColumnTable
              label="Freshness"
              testId="freshness"
              columns={freshnessColumns(latest, Date.now())}
              rows={tables}
              rowKey={(t) => t.table}
              rowData={(t) => ({ 'data-table': t.table })}
            />
          )
        }
      </ApiView>
    </section>
  );
}
