'use client';
import type { PlatformClient, RouteOutput, Routes } from '@autocorp/platform-client';
import { type FormEvent, useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
import { formatCount, formatTime } from '../components/format';
import { platformClient } from '../platform/platform-api';
import { RUN_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const PAGE = 50;

type QuarantinedRow = RouteOutput<Routes['quarantine']>['rows'][number];

const QUARANTINE_COLUMNS: readonly ColumnSpec<QuarantinedRow>[] = [
  { header: 'Job', cell: (row) => row.job },
  {
    header: 'Rule',
    cellClass: () => 'wrap',
    cell: (row) => (
      <>
        {row.rule}
        {row.failedRules && row.failedRules !== row.rule ? (
          <div className="small muted">all failed: {row.failedRules.split(',').join(', ')}</div>
        ) : null}
      </>
    ),
  },
  {
    header: 'Reason',
    cellClass: () => 'wrap',
    cell: (row) => `${row.reason ?? '—'}${row.column ? ` (column ${row.column})` : ''}`,
  },
  { header: 'File', cellClass: () => 'wrap small', cell: (row) => row.file },
  { header: 'Line', numeric: true, cell: (row) => row.line ?? '—' },
  { header: 'Row', cellClass: () => 'wrap small', cell: (row) => <code>{row.rawRow ?? ''}</code> },
  { header: 'Quarantined', cell: (row) => formatTime(row.quarantinedAt) },
];

interface Filter {
  readonly job: string;
  readonly rule: string;
  readonly file: string;
}

function filterQuery(filter: Filter) {
  return {
    ...(filter.job ? { job: filter.job } : {}),
    ...(filter.rule ? { rule: filter.rule } : {}),
    ...(filter.file ? { file: filter.file } : {}),
  };
}

/** Quarantined rows with their rule, reason, file and line: filterable, paged, downloadable as CSV. */
export function QuarantineView({ jobs, initialJob }: { jobs: readonly string[]; initialJob: string }) {
  const [filter, setFilter] = useState<Filter>({ job: initialJob, rule: '', file: '' });
  const [draft, setDraft] = useState<Filter>(filter);
  const [offset, setOffset] = useState(0);
  const { result } = useApi(
    (client: PlatformClient) => client.quarantine({ query: { ...filterQuery(filter), offset, limit: PAGE } }),
    { key: JSON.stringify([filter, offset]), refreshOn: RUN_EVENTS },
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
    setOffset(0);
  };
  return (
    <section className="panel" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">Quarantined rows</h2>
      <form className="params" onSubmit={apply} aria-label="Filter quarantined rows">
        <label>
          Job
          <select value={draft.job} onChange={(e) => setDraft({ ...draft, job: e.target.value })}>
            <option value="">all jobs</option>
            {jobs.map((j) => (
              <option key={j}>{j}</option>
            ))}
          </select>
        </label>
        <label>
          Rule
          <input value={draft.rule} onChange={(e) => setDraft({ ...draft, rule: e.target.value })} />
        </label>
        <label>
          File contains
          <input value={draft.file} onChange={(e) => setDraft({ ...draft, file: e.target.value })} />
        </label>
        <button type="submit">Filter</button>
        <a href={platformClient().csvUrl('quarantine', { query: { ...filterQuery(filter), limit: 5000 } })} download>
          Download CSV
        </a>
      </form>
      <ApiView result={result} what="the quarantined rows">
        {(page) =>
          page.rows.length === 0 ? (
            <Empty>No quarantined rows{filter.job || filter.rule || filter.file ? ' match the filter' : ''}.</Empty>
          ) : (
            <>
              <p className="small muted" data-testid="quarantine-total">
                {formatCount(page.offset + 1)}–{formatCount(page.offset + page.rows.length)} of{' '}
                {formatCount(page.total)} rows
              </p>
              <ColumnTable
                label="Quarantined rows"
                testId="quarantine"
                columns={QUARANTINE_COLUMNS}
                rows={page.rows}
                rowKey={(row, i) => `${row.runId}-${row.file}-${row.line ?? i}-${i}`}
                rowData={(row) => ({ 'data-file': row.file })}
              />
              <div className="row">
                <button
                  type="button"
                  className="secondary"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  Previous
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={page.offset + page.rows.length >= page.total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  Next
                </button>
              </div>
            </>
          )
        }
      </ApiView>
    </section>
  );
}
