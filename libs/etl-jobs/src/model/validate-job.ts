import { EtlJobsError } from '../etl-jobs-error';
import { portabilityProblems } from '../sql/portable-sql';
import type { JobDefinition } from './job-definition';

/**
 * Problems with a job definition (empty when it is sound): portable transform SQL, known columns
 * for keys and rules, unique rule names, declared dependencies, CSV rules only on CSV jobs.
 */
export function jobDefinitionProblems(job: JobDefinition): string[] {
  const problems: string[] = [];
  const columns = new Set(job.columns.map((c) => c.name));
  const known = (name: string) => columns.has(name) || name.startsWith('_');
  for (const why of portabilityProblems(job.transformSql)) problems.push(`transform SQL: ${why}`);
  for (const field of [...job.hudi.recordKeyFields, job.hudi.precombineField, ...job.hudi.partitionFields]) {
    if (!columns.has(field)) problems.push(`Hudi field "${field}" is not an output column`);
  }
  if (job.hudi.recordKeyFields.length === 0) problems.push('no record key field');
  const names = new Set<string>();
  const hasCsv = job.sources.some((s) => s.kind === 'csv');
  for (const rule of job.rules) {
    if (names.has(rule.name)) problems.push(`rule name "${rule.name}" is used twice`);
    names.add(rule.name);
    if ((rule.kind === 'parses' || rule.kind === 'wellFormed') && !hasCsv)
      problems.push(`rule "${rule.name}" needs a CSV source`);
    if ('column' in rule && !known(rule.column))
      problems.push(`rule "${rule.name}" names unknown column "${rule.column}"`);
    if ('columns' in rule)
      for (const c of rule.columns) if (!known(c)) problems.push(`rule "${rule.name}" names unknown column "${c}"`);
    if ('job' in rule && !job.dependsOn.includes(rule.job))
      problems.push(`rule "${rule.name}" reads ${rule.job}, which is not in dependsOn`);
    if (rule.kind === 'expressionRatio' || rule.kind === 'rowExpression') {
      for (const why of portabilityProblems(rule.expression)) problems.push(`rule "${rule.name}": ${why}`);
    }
  }
  const views = new Set<string>();
  for (const source of job.sources) {
    if (views.has(source.view)) problems.push(`source view "${source.view}" is used twice`);
    views.add(source.view);
    if (source.kind === 'curated' && !job.dependsOn.includes(source.job))
      problems.push(`curated source ${source.job} is not in dependsOn`);
  }
  if (job.dependsOn.includes(job.name)) problems.push('the job depends on itself');
  return problems;
}

/** Throws an EtlJobsError listing every problem of the definition. */
export function assertValidJob(job: JobDefinition): void {
  const problems = jobDefinitionProblems(job);
  if (problems.length > 0) {
    throw new EtlJobsError(
      'invalid-definition',
      `ETL job "${job.name}" is not valid: ${problems.join('; ')}. Fix its definition in libs/etl-jobs.`,
    );
  }
}
