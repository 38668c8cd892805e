'use client';
import type { PlatformClient, RunReportBody } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
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

/** Each curated table's last commit and its age; the reason when its job's newest run did not commit. */
export function Freshness({ runs }: { runs: readonly RunReportBody[] }) {
  const { result } = useApi(loadFreshness, { refreshOn: DATA_EVENTS });
  const latest = new Map(latestRunPerJob(runs).map((r) => [r.job, r]));
  const now = Date.now();
  return (
    <section className="panel" aria-labelledby="freshness-title">
      <h2 id="freshness-title">Freshness of the curated tables</h2>
      <ApiView result={result} what="the curated tables">
        {(tables) =>
          tables.length === 0 ? (
            <Empty>No curated table yet: the first ETL run creates them.</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Freshness">
              <table data-testid="freshness">
                <thead>
                  <tr>
                    <th scope="col">Table</th>
                    <th scope="col">Last commit</th>
                    <th scope="col">Age</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {tables.map((t) => {
                    const run = latest.get(t.table);
                    const stuck = run && (run.status === 'failed' || run.status === 'blocked');
                    return (
                      <tr key={t.table} data-table={t.table}>
                        <td>{t.table}</td>
                        <td>{formatTime(t.lastCommit)}</td>
                        <td>{formatAge(t.lastCommit, now)}</td>
                        <td className="wrap">
                          {stuck ? (
                            <LightBadge
                              light="red"
                              label={`late: last run ${run.status} (${run.error ?? 'see Runs'})`}
                            />
                          ) : t.lastCommit === null ? (
                            <LightBadge light="amber" label="no commit yet" />
                          ) : (
                            <LightBadge
                              light="green"
                              label={run?.status === 'no-new-input' ? 'current (no new input)' : 'current'}
                            />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </ApiView>
    </section>
  );
}
