'use client';
import type { PlatformClient, RouteOutput, Routes } from '@autocorp/platform-client';
import { useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
import { DataTable } from '../components/data-table';
import { formatBytes, formatCount, formatTime } from '../components/format';
import { DATA_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const PREVIEW_ROWS = 20;

type TimelineInstant = RouteOutput<Routes['timeline']>['instants'][number];

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

/** The timeline's columns: the commit's numbers and the buttons that choose what the preview shows. */
function timelineColumns(
  instants: readonly TimelineInstant[],
  view: View,
  setView: (view: View) => void,
): ColumnSpec<TimelineInstant>[] {
  return [
    { header: 'Instant', cell: (i) => <code>{i.instant}</code> },
    { header: 'Time', cell: (i) => formatTime(i.time) },
    { header: 'Action', cell: (i) => `${i.action} (${i.operation})` },
    { header: 'Inserted', numeric: true, cell: (i) => formatCount(i.inserted) },
    { header: 'Updated', numeric: true, cell: (i) => formatCount(i.updated) },
    { header: 'Deleted', numeric: true, cell: (i) => formatCount(i.deleted) },
    { header: 'Files', numeric: true, cell: (i) => formatCount(i.filesWritten) },
    { header: 'Bytes', numeric: true, cell: (i) => formatBytes(i.bytesWritten) },
    {
      header: 'Preview',
      cellClass: () => 'row',
      cell: (i, index) => {
        const before = instants[index + 1];
        return (
          <>
            <button
              type="button"
              className="secondary"
              aria-pressed={view.mode === 'asOf' && view.instant === i.instant}
              onClick={() => setView({ mode: 'asOf', instant: i.instant })}
            >
              As of
            </button>
            {before ? (
              <button
                type="button"
                className="secondary"
                aria-pressed={view.mode === 'changes' && view.until === i.instant}
                onClick={() => setView({ mode: 'changes', since: before.instant, until: i.instant })}
              >
                Changes
              </button>
            ) : null}
          </>
        );
      },
    },
  ];
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
            <ColumnTable
              label={`Timeline of ${table}`}
              testId="timeline"
              columns={timelineColumns(instants, view, setView)}
              rows={instants}
              rowKey={(i) => i.instant}
              rowData={(i) => ({ 'data-instant': i.instant })}
              rowClass={(i) => (chosen(i.instant) ? 'diff' : undefined)}
            />
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
