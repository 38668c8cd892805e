'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { formatTime } from '../components/format';
import { useApi } from '../platform/use-api';
import { CommitTimeline } from './commit-timeline';
import { TableCountsView } from './table-counts-view';
import { TableDetail } from './table-detail';

const loadCatalog = (client: PlatformClient) => client.tables();

interface Selected {
  readonly database: string;
  readonly table: string;
  readonly zone: 'raw' | 'curated';
}

export function TablesPage() {
  const { result } = useApi(loadCatalog, { refreshOn: ['crawl'] });
  const [selected, setSelected] = useState<Selected | null>(null);
  return (
    <>
      <h1>Tables</h1>
      <TableCountsView />
      <section className="panel" aria-labelledby="catalog-title">
        <h2 id="catalog-title">Catalog</h2>
        <ApiView result={result} what="the catalog">
          {({ zones }) =>
            zones.every((z) => z.tables.length === 0) ? (
              <Empty>The catalog is empty: the crawlers register the tables after the first ETL run.</Empty>
            ) : (
              <div className="grid">
                {zones.map((zone) => (
                  <div key={zone.zone}>
                    <h3>
                      {zone.zone} zone <span className="muted small">({zone.database})</span>
                    </h3>
                    <ul data-testid={`zone-${zone.zone}`}>
                      {zone.tables.map((t) => (
                        <li key={t.name}>
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={selected?.database === t.database && selected.table === t.name}
                            onClick={() => setSelected({ database: t.database, table: t.name, zone: zone.zone })}
                          >
                            {t.name}
                          </button>{' '}
                          <span className="muted small">
                            {t.format}, {t.columns} columns
                            {t.partitionKeys.length ? `, partitioned by ${t.partitionKeys.join(', ')}` : ''}
                            {t.updatedAt ? `, updated ${formatTime(t.updatedAt)}` : ''}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )
          }
        </ApiView>
      </section>
      {selected ? (
        <section className="panel" aria-labelledby="detail-title" data-testid="table-detail">
          <h2 id="detail-title">
            {selected.database}.{selected.table}
          </h2>
          <TableDetail database={selected.database} table={selected.table} />
          {selected.zone === 'curated' ? <CommitTimeline table={selected.table} /> : null}
        </section>
      ) : null}
    </>
  );
}
