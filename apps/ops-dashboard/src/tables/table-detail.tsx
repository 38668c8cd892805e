'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { ApiView, Empty } from '../components/api-state';
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
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`Schema of ${table}`}>
              <table data-testid="schema">
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Type</th>
                  </tr>
                </thead>
                <tbody>
                  {[...detail.columns, ...detail.partitionKeys].map((c) => (
                    <tr key={c.name}>
                      <td>
                        {c.name}
                        {detail.partitionKeys.some((k) => k.name === c.name) ? ' (partition key)' : ''}
                      </td>
                      <td>{c.type}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
