import type { RunReportBody } from '@autocorp/platform-client';
import { Empty } from '../components/api-state';
import { formatCount, formatSeconds, formatTime } from '../components/format';

/** One job's runs, newest first: outcome, duration, counts and the rules that failed. */
export function RunHistory({ job, runs }: { job: string; runs: readonly RunReportBody[] }) {
  if (runs.length === 0) return <Empty>No run of {job} yet.</Empty>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Runs of ${job}`}>
      <table data-testid="run-history">
        <caption>Runs of {job}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Read
            </th>
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
              Quarantined
            </th>
            <th scope="col">Rules failed</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const failed = run.rules.filter((r) => !r.passed);
            const bad = run.status === 'failed' || run.status === 'blocked';
            return (
              <tr key={run.runId} data-run={run.runId} className={bad ? 'diff' : undefined}>
                <td title={run.runId}>{formatTime(run.startedAt)}</td>
                <td className={bad ? 'cell-fail' : undefined}>
                  {run.status}
                  {run.error ? `: ${run.error}` : ''}
                </td>
                <td className="num">{formatSeconds(run.timings.totalMs / 1000)}</td>
                <td className="num">{formatCount(run.counts.read)}</td>
                <td className="num">{formatCount(run.counts.inserted)}</td>
                <td className="num">{formatCount(run.counts.updated)}</td>
                <td className="num">{formatCount(run.counts.deleted)}</td>
                <td className={`num${run.counts.quarantined ? ' diff' : ''}`}>{formatCount(run.counts.quarantined)}</td>
                <td className="wrap">
                  {failed.length === 0
                    ? 'none'
                    : failed.map((r) => (
                        <span key={r.rule} className={r.severity === 'fail' ? 'cell-fail' : 'cell-warn'}>
                          {r.rule} ({r.severity}){' '}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
