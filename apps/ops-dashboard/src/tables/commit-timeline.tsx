'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { DataTable } from '../components/data-table';
import { formatBytes, formatCount, formatTime } from '../components/format';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const PREVIEW_ROWS = 20;

/** The rows of a curated table as of a commit (the newest when none is chosen). */
function Preview({ table, asOf }: { table: string; asOf: string | null }) {
  const { result } = useApi(
    (client: PlatformClient) =>
      client.preview({ params: { table }, query: { limit: PREVIEW_ROWS, ...(asOf ? { asOf } : {}) } }),
    { key: `${table}@${asOf ?? 'latest'}`, refreshOn: asOf ? [] : DATA_EVENTS },
  );
  return (
    <ApiView result={result} what={`the rows of ${table}`}>
      {(preview) =>
        preview.rows.length === 0 ? (
          <Empty>No rows{asOf ? ` as of ${asOf}` : ''}.</Empty>
        ) : (
          <DataTable
            testId="preview"
            caption={`First ${preview.rows.length} rows of ${table} ${asOf ? `as of commit ${asOf}` : '(latest)'}`}
            columns={preview.columns.filter((c) => !c.name.startsWith('_hoodie_'))}
            rows={preview.rows}
          />
        )
      }
    </ApiView>
  );
}

/** A curated Hudi table's commit timeline (newest first) and a preview as of a chosen commit. */
export function CommitTimeline({ table }: { table: string }) {
  const [asOf, setAsOf] = useState<string | null>(null);
  const { result } = useApi((client: PlatformClient) => client.timeline({ params: { table }, query: { limit: 50 } }), {
    key: table,
    refreshOn: DATA_EVENTS,
  });
  return (
    <>
      <h3>Commit timeline</h3>
      <ApiView result={result} what={`the timeline of ${table}`}>
        {({ instants }) =>
          instants.length === 0 ? (
            <Empty>No commit yet.</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`Timeline of ${table}`}>
              <table data-testid="timeline">
                <thead>
                  <tr>
                    <th scope="col">Instant</th>
                    <th scope="col">Time</th>
                    <th scope="col">Action</th>
                    <th scope="col" className="num">
                      Inserted
                    </th>
                    <th scope="col" className="num">
                      Updated
                    </th>
                    <th scope="col" className="num">
                      Deleted
                    </th>
                    <th scope="col" className="num">
                      Files
                    </th>
                    <th scope="col" className="num">
                      Bytes
                    </th>
                    <th scope="col">Preview</th>
                  </tr>
                </thead>
                <tbody>
                  {instants.map((i) => (
                    <tr key={i.instant} data-instant={i.instant} className={asOf === i.instant ? 'diff' : undefined}>
                      <td>
                        <code>{i.instant}</code>
                      </td>
                      <td>{formatTime(i.time)}</td>
                      <td>
                        {i.action} ({i.operation})
                      </td>
                      <td className="num">{formatCount(i.inserted)}</td>
                      <td className="num">{formatCount(i.updated)}</td>
                      <td className="num">{formatCount(i.deleted)}</td>
                      <td className="num">{formatCount(i.filesWritten)}</td>
                      <td className="num">{formatBytes(i.bytesWritten)}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-pressed={asOf === i.instant}
                          onClick={() => setAsOf(asOf === i.instant ? null : i.instant)}
                        >
                          {asOf === i.instant ? 'Latest' : 'As of'}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ApiView>
      <h3>Preview {asOf ? `as of ${asOf}` : '(latest)'}</h3>
      <Preview table={table} asOf={asOf} />
    </>
  );
}
