import type { RunReport } from '@autocorp/etl';
import { formatDuration, formatTable } from '@autocorp/terminal';

/** One line per job run: status, counts, rule outcomes, time. */
export function formatRunReports(reports: readonly RunReport[]): string {
  const rows = reports.map((r) => {
    const failed = r.rules.filter((rule) => !rule.passed);
    const rules = `${r.rules.length - failed.length}/${r.rules.length} passed${failed.length ? ` (${failed.map((f) => `${f.rule}${f.severity === 'warn' ? ' [warn]' : ''}`).join(', ')})` : ''}`;
    return [
      r.job,
      r.status,
      r.counts.read,
      r.counts.inserted,
      r.counts.updated,
      r.counts.deleted,
      r.counts.quarantined,
      rules,
      formatDuration(r.timings.totalMs / 1000),
    ];
  });
  const table = formatTable(
    ['job', 'status', 'read', 'inserted', 'updated', 'deleted', 'quarantined', 'quality rules', 'time'],
    rows,
  );
  const errors = reports.filter((r) => r.error).map((r) => `${r.job}: ${r.error}`);
  const warnings = reports.flatMap((r) =>
    r.rules
      .filter((rule) => !rule.passed && rule.severity === 'warn' && rule.message)
      .map((rule) => `${r.job}: warning ${rule.rule}: ${rule.message}`),
  );
  const excluded = reports.flatMap((r) =>
    (r.excludedFiles ?? []).map(
      (key) => `${r.job}: skipped ${key} (taken out of the input; "autocorp etl quarantined-files" lists it)`,
    ),
  );
  return [table, ...errors, ...warnings, ...excluded].join('\n') + '\n';
}
