'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
import { formatCount } from '../components/format';
import { countDifferences } from '../overview/overview-data';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const loadCounts = (client: PlatformClient) => client.tableCounts();

/** Reconciliation: rows per table in PostgreSQL, the raw zone and the curated table; differences highlighted. */
export function TableCountsView() {
  const { result } = useApi(loadCounts, { refreshOn: [...DATA_EVENTS, 'cdc-batch'] });
  return (
    <section className="panel" aria-labelledby="counts-title">
      <h2 id="counts-title">Row counts: source vs raw vs curated</h2>
      <ApiView result={result} what="the row counts">
        {({ tables }) =>
          tables.length === 0 ? (
            <Empty>No table landed yet.</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Row counts">
              <table data-testid="table-counts">
                <thead>
                  <tr>
                    <th scope="col">Table</th>
                    <th scope="col" className="num">
                      Source
                    </th>
                    <th scope="col" className="num">
                      Raw
                    </th>
                    <th scope="col" className="num">
                      Curated
                    </th>
                    <th scope="col">Differences</th>
                  </tr>
                </thead>
                <tbody>
                  {tables.map((t) => {
                    const differences = countDifferences(t);
                    return (
                      <tr
                        key={t.table}
                        data-table={t.table}
                        className={differences.length ? 'diff' : undefined}
                        data-differs={differences.length > 0}
                      >
                        <th scope="row">{t.table}</th>
                        <td className="num" data-count="source">
                          {formatCount(t.source)}
                        </td>
                        <td className="num" data-count="raw">
                          {formatCount(t.raw)}
                        </td>
                        <td className="num" data-count="curated">
                          {formatCount(t.curated)}
                        </td>
                        <td className="wrap small">
                          {differences.length ? <strong>{differences.map((d) => d.text).join('; ')}</strong> : 'match'}
                          {t.notes.length ? <span className="muted"> · {t.notes.join('; ')}</span> : null}
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
