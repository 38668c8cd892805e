'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { DataTable } from '../components/data-table';
import { formatBytes, formatCount, formatTime } from '../components/format';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const PREVIEW_ROWS = 20;

/** What the preview shows: the latest rows, the table as of a commit, or the rows one commit wrote. */
type View =
  | { readonly mode: 'latest' }
  | { readonly mode: 'asOf'; readonly instant: string }
  | { readonly mode: 'changes'; readonly since: string; readonly until: string };

function describeView(view: View): string {
  if (view.mode === 'asOf') return `as of commit ${view.instant}`;
  if (view.mode === 'changes') return `written by commit ${view.until} (since ${view.since})`;
  return '(latest)';
}

/** The rows of a curated table as the view asks. */
function Preview({ table, view }: { table: string; view: View }) {
  const query =
    view.mode === 'asOf'
      ? { asOf: view.instant }
      : view.mode === 'changes'
        ? { since: view.since, until: view.until }
        : {};
  const { result } = useApi(
    (client: PlatformClient) => client.preview({ params: { table }, query: { limit: PREVIEW_ROWS, ...query } }),
    { key: `${table}@${JSON.stringify(view)}`, refreshOn: view.mode === 'latest' ? DATA_EVENTS : [] },
  );
  return (
    <ApiView result={result} what={`the rows of ${table}`}>
      {(preview) =>
        preview.rows.length === 0 ? (
          <Empty>No rows {describeView(view)}.</Empty>
        ) : (
          <DataTable
            testId="preview"
            caption={`First ${preview.rows.length} rows of ${table} ${describeView(view)}`}
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
  const [view, setView] = useState<View>({ mode: 'latest' });
  const chosen = (instant: string) =>
    (view.mode === 'asOf' && view.instant === instant) || (view.mode === 'changes' && view.until === instant);
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
                  {instants.map((i, index) => (
                    <tr key={i.instant} data-instant={i.instant} className={chosen(i.instant) ? 'diff' : undefined}>
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
                      <td className="row">
                        <button
                          type="button"
                          className="secondary"
                          aria-pressed={view.mode === 'asOf' && view.instant === i.instant}
                          onClick={() => setView({ mode: 'asOf', instant: i.instant })}
                        >
                          As of
                        </button>
                        {instants[index + 1] ? (
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={view.mode === 'changes' && view.until === i.instant}
                            onClick={() =>
                              setView({ mode: 'changes', since: instants[index + 1]!.instant, until: i.instant })
                            }
                          >
                            Changes
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ApiView>
      <div className="row">
        <h3>Preview {describeView(view)}</h3>
        {view.mode === 'latest' ? null : (
          <button type="button" className="secondary" onClick={() => setView({ mode: 'latest' })}>
            Latest
          </button>
        )}
      </div>
      <Preview table={table} view={view} />
    </>
  );
}
