import { formatTime } from '../components/format';
import { type OverviewFacts, latestRunPerJob } from './overview-data';

export interface Problem {
  readonly severity: 'fail' | 'warn';
  readonly text: string;
  /** Where to look next. */
  readonly href: string;
}

/**
 * What needs attention, worst first (from what has loaded: the slot and the runs may still be null): components not healthy, errored CDC tables, failed or blocked
 * jobs, failed rules (warn rules too, even when the run committed), quarantined rows, rejected files.
 */
export function openProblems(facts: OverviewFacts): Problem[] {
  const problems: Problem[] = [];
  for (const c of facts.status.components) {
    if (c.health === 'down' || c.health === 'degraded')
      problems.push({
        severity: c.health === 'down' ? 'fail' : 'warn',
        text: `${c.name} ${c.health} since ${formatTime(c.since)}: ${c.reason ?? 'no reason given'}`,
        href: '/',
      });
  }
  const slot = facts.cdc?.slotStatus;
  if (facts.cdc && slot && (!slot.exists || slot.invalidated))
    problems.push({
      severity: 'fail',
      text: `replication slot ${facts.cdc.slot} ${slot.exists ? 'invalidated' : 'missing'}`,
      href: '/',
    });
  for (const t of (facts.cdc?.tables ?? []).filter((t) => t.state === 'errored'))
    problems.push({
      severity: 'fail',
      text: `CDC table ${t.table} errored: ${t.reason ?? 'no reason'}${t.solution ? ` (${t.solution})` : ''}`,
      href: '/tables/',
    });
  for (const run of latestRunPerJob(facts.runs ?? [])) {
    if (run.status === 'failed' || run.status === 'blocked')
      problems.push({
        severity: 'fail',
        text: `${run.job} ${run.status}: ${run.error ?? 'see its run'}`,
        href: '/runs/',
      });
    for (const rule of run.rules.filter((r) => !r.passed))
      problems.push({
        severity: rule.severity,
        text: `${run.job}: rule ${rule.rule} failed (${rule.severity}, ${rule.observed} rows)${rule.message ? `: ${rule.message}` : ''}`,
        href: '/runs/',
      });
    if (run.counts.quarantined > 0)
      problems.push({
        severity: 'warn',
        text: `${run.job}: ${run.counts.quarantined} rows quarantined in run ${run.runId}`,
        href: `/runs/?job=${encodeURIComponent(run.job)}`,
      });
  }
  for (const event of facts.recent)
    if (event.type === 'csv-transfer')
      for (const rejected of event.rejected)
        problems.push({
          severity: 'warn',
          text: `CSV file ${rejected.file} rejected: ${rejected.reason}`,
          href: '/runs/',
        });
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'fail' ? -1 : 1));
}
