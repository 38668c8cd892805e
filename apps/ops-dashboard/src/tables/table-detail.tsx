'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
import { ColumnTable } from '../components/column-table';
import { useApi } from '../platform/use-api';

/** One catalog table: its columns, partition keys and partitions. */
export function TableDetail({ database, table }: { database: string; table: string }) {
  const { result } = useApi((client: PlatformClient) => client.table({ params: { database, table } }), {
    key: `${database}.${table}`,
    refreshOn: ['crawl'],
  });
  return (
    <ApiView result={result} what={`${database}.${table}`}>
      {(detail) => (
        <div className="grid">
          <div>
            <h3>Schema</h3>
            <ColumnTable
              label={`Schema of ${table}`}
              testId="schema"
              columns={[
                {
                  header: 'Column',
                  cell: (c) =>
                    `${c.name}${detail.partitionKeys.some((k) => k.name === c.name) ? ' (partition key)' : ''}`,
                },
                { header: 'Type', cell: (c) => c.type },
              ]}
              rows={[...detail.columns, ...detail.partitionKeys]}
              rowKey={(c) => c.name}
            />
          </div>
          <div>
            <h3>Partitions ({detail.partitions.length})</h3>
            {detail.partitions.length === 0 ? (
              <Empty>{detail.partitionKeys.length ? 'No partition yet.' : 'Not partitioned.'}</Empty>
            ) : (
              <ul className="small" data-testid="partitions">
                {detail.partitions.slice(0, 200).map((p) => (
                  <li key={p.location}>{p.values.join(' / ')}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </ApiView>
  );
}
