'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
import { formatCount } from '../components/format';
import { type TableCounts, countDifferences } from '../overview/overview-data';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const loadCounts = (client: PlatformClient) => client.tableCounts();

/** A count cell; data-count names the zone (the browser tests read the cells by it). */
const count = (zone: 'source' | 'raw' | 'curated') => (t: TableCounts) => (
  <span data-count={zone}>{formatCount(t[zone])}</span>
);

const COLUMNS: readonly ColumnSpec<TableCounts>[] = [
  { header: 'Table', rowHeader: true, cell: (t) => t.table },
  { header: 'Source', numeric: true, cell: count('source') },
  { header: 'Raw', numeric: true, cell: count('raw') },
  { header: 'Curated', numeric: true, cell: count('curated') },
  {
    header: 'Differences',
    cellClass: () => 'wrap small',
    cell: (t) => {
      const differences = countDifferences(t);
      return (
        <>
          {differences.length ? <strong>{differences.map((d) => d.text).join('; ')}</strong> : 'match'}
          {t.notes.length ? <span className="muted"> · {t.notes.join('; ')}</span> : null}
        </>
      );
    },
  },
];

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
            <ColumnTable
              label="Row counts"
              testId="table-counts"
              columns={COLUMNS}
              rows={tables}
              rowKey={(t) => t.table}
              rowData={(t) => ({ 'data-table': t.table, 'data-differs': countDifferences(t).length > 0 })}
              rowClass={(t) => (countDifferences(t).length ? 'diff' : undefined)}
            />
          )
        }
      </ApiView>
    </section>
  );
}
