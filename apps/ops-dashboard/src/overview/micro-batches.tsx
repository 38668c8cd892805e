import type { EtlRunEvent, PlatformEvent, RunReportBody } from '@autocorp/platform-client';
import { Empty } from '../components/api-state';
import { formatCount, formatSeconds, formatTime } from '../components/format';

const SHOWN = 12;

/** The ETL micro-batches seen live (and the platform's last one), newest first. */
export function liveBatches(lastRun: EtlRunEvent | null, recent: readonly PlatformEvent[]): EtlRunEvent[] {
  const batches = new Map<string, EtlRunEvent>();
  if (lastRun) batches.set(lastRun.runId, lastRun);
  for (const event of recent) if (event.type === 'etl-run') batches.set(event.runId, event);
  return [...batches.values()].sort((a, b) => b.at - a.at);
}

const sum = (batch: EtlRunEvent, field: 'inserted' | 'updated' | 'deleted' | 'quarantined') =>
  batch.jobs.reduce((total, job) => total + job[field], 0);

/** The last micro-batches (live) and the last job runs (from the run records), newest first. */
export function MicroBatches({
  runs,
  lastRun,
  recent,
}: {
  runs: readonly RunReportBody[];
  lastRun: EtlRunEvent | null;
  recent: readonly PlatformEvent[];
}) {
  const batches = liveBatches(lastRun, recent).slice(0, SHOWN);
  const jobRuns = runs.filter((r) => r.status !== 'no-new-input').slice(0, SHOWN);
  return (
    <section className="panel" aria-labelledby="batches-title">
      <h2 id="batches-title">Last micro-batches</h2>
      {batches.length === 0 ? (
        <Empty>No micro-batch while this page was open{lastRun === null ? ' (nothing running)' : ''}.</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Last micro-batches">
          <table data-testid="micro-batches">
            <thead>
              <tr>
                <th scope="col">At</th>
                <th scope="col">Trigger</th>
                <th scope="col" className="num">
                  Jobs committed
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
                <th scope="col" className="num">
                  Time
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.runId} data-run={b.runId}>
                  <td>{formatTime(b.at)}</td>
                  <td>{b.trigger}</td>
                  <td className="num">{b.jobs.filter((j) => j.status === 'committed').length}</td>
                  <td className="num">{formatCount(sum(b, 'inserted'))}</td>
                  <td className="num">{formatCount(sum(b, 'updated'))}</td>
                  <td className="num">{formatCount(sum(b, 'deleted'))}</td>
                  <td className={`num${sum(b, 'quarantined') ? ' diff' : ''}`}>{formatCount(sum(b, 'quarantined'))}</td>
                  <td className="num">{formatSeconds(b.seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Last job runs</h3>
      {jobRuns.length === 0 ? (
        <Empty>No job has committed yet.</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Last job runs">
          <table data-testid="job-runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Job</th>
                <th scope="col">Outcome</th>
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
                <th scope="col" className="num">
                  Time
                </th>
              </tr>
            </thead>
            <tbody>
              {jobRuns.map((r) => (
                <tr key={r.runId} data-run={r.runId} className={r.status === 'committed' ? undefined : 'diff'}>
                  <td>{formatTime(r.startedAt)}</td>
                  <td>{r.job}</td>
                  <td>{r.status}</td>
                  <td className="num">{formatCount(r.counts.inserted)}</td>
                  <td className="num">{formatCount(r.counts.updated)}</td>
                  <td className="num">{formatCount(r.counts.deleted)}</td>
                  <td className={`num${r.counts.quarantined ? ' diff' : ''}`}>{formatCount(r.counts.quarantined)}</td>
                  <td className="num">{formatSeconds(r.timings.totalMs / 1000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
