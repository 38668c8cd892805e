import type { RunReportBody } from '@autocorp/platform-client';
import { Empty } from '../components/api-state';
import { type ColumnSpec, ColumnTable } from '../components/column-table';
import { formatCount, formatSeconds, formatTime } from '../components/format';

const isBad = (run: RunReportBody) => run.status === 'failed' || run.status === 'blocked';

const COLUMNS: readonly ColumnSpec<RunReportBody>[] = [
  { header: 'Started', cell: (run) => formatTime(run.startedAt), cellTitle: (run) => run.runId },
  {
    header: 'Outcome',
    cell: (run) => `${run.status}${run.error ? `: ${run.error}` : ''}`,
    cellClass: (run) => (isBad(run) ? 'cell-fail' : undefined),
  },
  { header: 'Duration', numeric: true, cell: (run) => formatSeconds(run.timings.totalMs / 1000) },
  { header: 'Read', numeric: true, cell: (run) => formatCount(run.counts.read) },
  { header: 'Inserted', numeric: true, cell: (run) => formatCount(run.counts.inserted) },
  { header: 'Updated', numeric: true, cell: (run) => formatCount(run.counts.updated) },
  { header: 'Deleted', numeric: true, cell: (run) => formatCount(run.counts.deleted) },
  {
    header: 'Quarantined',
    numeric: true,
    cell: (run) => formatCount(run.counts.quarantined),
    cellClass: (run) => (run.counts.quarantined ? 'diff' : undefined),
  },
  {
    header: 'Rules failed',
    cellClass: () => 'wrap',
    cell: (run) => {
      const failed = run.rules.filter((r) => !r.passed);
      return failed.length === 0
        ? 'none'
        : failed.map((r) => (
            <span key={r.rule} className={r.severity === 'fail' ? 'cell-fail' : 'cell-warn'}>
              {r.rule} ({r.severity}){' '}
            </span>
          ));
    },
  },
];

/** One job's runs, newest first: outcome, duration, counts and the rules that failed. */
export function RunHistory({ job, runs }: { job: string; runs: readonly RunReportBody[] }) {
  if (runs.length === 0) return <Empty>No run of {job} yet.</Empty>;
  return (
    <ColumnTable
      label={`Runs of ${job}`}
      caption={`Runs of ${job}, newest first`}
      testId="run-history"
      columns={COLUMNS}
      rows={runs}
      rowKey={(run) => run.runId}
      rowData={(run) => ({ 'data-run': run.runId })}
      rowClass={(run) => (isBad(run) ? 'diff' : undefined)}
    />
  );
}
