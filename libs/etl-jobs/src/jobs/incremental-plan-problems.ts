import type { JobDefinition } from '../model/job-definition';
import { jobByName } from './index';

/**
 * Problems with a job's incremental plan (empty when sound, or when it has none): the unit is an output
 * column, every curated source drives units, each driver's key is a record key field of its source's
 * table (a deleted row is known by its key only), and the views named are the job's sources.
 */
export function incrementalPlanProblems(job: JobDefinition): string[] {
  const plan = job.incremental;
  if (!plan) return [];
  const problems: string[] = [];
  const curated = new Map(job.sources.flatMap((s) => (s.kind === 'curated' ? [[s.view, s.job] as const] : [])));
  if (curated.size !== job.sources.length) problems.push('an incremental job reads curated sources only');
  if (job.hudi.operation !== 'insert_overwrite_table')
    problems.push('an incremental job is rebuilt with insert_overwrite_table on a full run');
  if (!job.columns.some((c) => c.name === plan.unit)) problems.push(`unit "${plan.unit}" is not an output column`);
  for (const view of curated.keys()) {
    if (!plan.drivers.some((d) => d.source === view)) problems.push(`source ${view} drives no unit`);
  }
  for (const driver of plan.drivers) {
    const source = curated.get(driver.source);
    if (source === undefined) {
      problems.push(`driver source "${driver.source}" is not a curated source view`);
      continue;
    }
    if (!jobByName(source).hudi.recordKeyFields.includes(driver.key))
      problems.push(`driver key "${driver.key}" is not a record key field of ${source}`);
    const columns = new Set(jobByName(source).columns.map((c) => c.name));
    for (const column of driver.columns ?? [])
      if (!columns.has(column)) problems.push(`driver column "${column}" is not a column of ${source}`);
    if (driver.via && !curated.has(driver.via.view))
      problems.push(`driver via view "${driver.via.view}" is not a curated source view`);
  }
  for (const view of Object.keys(plan.restrict)) {
    if (!curated.has(view)) problems.push(`restricted view "${view}" is not a curated source view`);
  }
  return problems;
}
