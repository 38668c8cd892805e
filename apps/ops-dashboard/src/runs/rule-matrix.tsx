import type { RunReportBody } from '@autocorp/platform-client';
import { Empty } from '../components/api-state';
import { formatTime } from '../components/format';

const RUNS_SHOWN = 12;

/**
 * Every rule of a job against its last runs (oldest left): passed, or failed with its severity and the
 * rows it caught. A failed warn rule shows even when the run committed.
 */
export function RuleMatrix({ job, runs }: { job: string; runs: readonly RunReportBody[] }) {
  const shown = runs.slice(0, RUNS_SHOWN).reverse();
  const rules = [...new Set(shown.flatMap((run) => run.rules.map((r) => r.rule)))].sort();
  if (rules.length === 0) return <Empty>No rule results for {job} yet.</Empty>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Rule results of ${job}`}>
      <table data-testid="rule-matrix">
        <caption>
          Rule results of {job} over its last {shown.length} runs (oldest first)
        </caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            {shown.map((run) => (
              <th key={run.runId} scope="col" title={run.runId}>
                {formatTime(run.startedAt)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule} data-rule={rule}>
              <th scope="row">{rule}</th>
              {shown.map((run) => {
                const outcome = run.rules.find((r) => r.rule === rule);
                if (!outcome)
                  return (
                    <td key={run.runId} className="muted">
                      —
                    </td>
                  );
                const cls = outcome.passed ? 'cell-pass' : outcome.severity === 'fail' ? 'cell-fail' : 'cell-warn';
                const text = outcome.passed
                  ? 'pass'
                  : `${outcome.severity === 'fail' ? 'FAIL' : 'WARN'} ${outcome.observed}`;
                return (
                  <td key={run.runId} className={cls} title={outcome.message ?? outcome.kind} data-outcome={text}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
