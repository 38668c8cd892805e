import type { EtlRunEvent, PlatformEvent, RunReportBody } from '@autocorp/platform-client';
import { Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
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

const flagged = (n: number) => (n ? 'diff' : undefined);

const BATCH_COLUMNS: readonly ColumnSpec<EtlRunEvent>[] = [
  { header: 'At', cell: (b) => formatTime(b.at) },
  { header: 'Trigger', cell: (b) => b.trigger },
  {
    header: 'Jobs committed',
    numeric: true,
    cell: (b) => b.jobs.filter((j) => j.status === 'committed').length,
  },
  { header: 'Inserted', numeric: true, cell: (b) => formatCount(sum(b, 'inserted')) },
  { header: 'Updated', numeric: true, cell: (b) => formatCount(sum(b, 'updated')) },
  { header: 'Deleted', numeric: true, cell: (b) => formatCount(sum(b, 'deleted')) },
  {
    header: 'Quarantined',
    numeric: true,
    cell: (b) => formatCount(sum(b, 'quarantined')),
    cellClass: (b) => flagged(sum(b, 'quarantined')),
  },
  { header: 'Time', numeric: true, cell: (b) => formatSeconds(b.seconds) },
];

const JOB_RUN_COLUMNS: readonly ColumnSpec<RunReportBody>[] = [
  { header: 'Started', cell: (r) => formatTime(r.startedAt) },
  { header: 'Job', cell: (r) => r.job },
  { header: 'Outcome', cell: (r) => r.status },
  { header: 'Inserted', numeric: true, cell: (r) => formatCount(r.counts.inserted) },
  { header: 'Updated', numeric: true, cell: (r) => formatCount(r.counts.updated) },
  { header: 'Deleted', numeric: true, cell: (r) => formatCount(r.counts.deleted) },
  {
    header: 'Quarantined',
    numeric: true,
    cell: (r) => formatCount(r.counts.quarantined),
    cellClass: (r) => flagged(r.counts.quarantined),
  },
  { header: 'Time', numeric: true, cell: (r) => formatSeconds(r.timings.totalMs / 1000) },
];

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
        <ColumnTable
          label="Last micro-batches"
          testId="micro-batches"
          columns={BATCH_COLUMNS}
          rows={batches}
          rowKey={(b) => b.runId}
          rowData={(b) => ({ 'data-run': b.runId })}
        />
      )}
      <h3>Last job runs</h3>
      {jobRuns.length === 0 ? (
        <Empty>No job has committed yet.</Empty>
      ) : (
        <ColumnTable
          label="Last job runs"
          testId="job-runs"
          columns={JOB_RUN_COLUMNS}
          rows={jobRuns}
          rowKey={(r) => r.runId}
          rowData={(r) => ({ 'data-run': r.runId })}
          rowClass={(r) => (r.status === 'committed' ? undefined : 'diff')}
        />
      )}
    </section>
  );
}
