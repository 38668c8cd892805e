'use client';
import type { PlatformClient } from '@autocorp/platform-client';
import { type FormEvent, useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { formatCount, formatTime } from '../components/format';
import { platformClient } from '../platform/platform-api';
import { RUN_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';

const PAGE = 50;

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
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Quarantined rows">
                <table data-testid="quarantine">
                  <thead>
                    <tr>
                      <th scope="col">Job</th>
                      <th scope="col">Rule</th>
                      <th scope="col">Reason</th>
                      <th scope="col">File</th>
                      <th scope="col" className="num">
                        Line
                      </th>
                      <th scope="col">Row</th>
                      <th scope="col">Quarantined</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.rows.map((row, i) => (
                      <tr key={`${row.runId}-${row.file}-${row.line ?? i}-${i}`} data-file={row.file}>
                        <td>{row.job}</td>
                        <td className="wrap">
                          {row.rule}
                          {row.failedRules && row.failedRules !== row.rule ? (
                            <div className="small muted">all failed: {row.failedRules.split(',').join(', ')}</div>
                          ) : null}
                        </td>
                        <td className="wrap">
                          {row.reason ?? '—'}
                          {row.column ? ` (column ${row.column})` : ''}
                        </td>
                        <td className="wrap small">{row.file}</td>
                        <td className="num">{row.line ?? '—'}</td>
                        <td className="wrap small">
                          <code>{row.rawRow ?? ''}</code>
                        </td>
                        <td>{formatTime(row.quarantinedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
