import { EtlJobsError } from '../etl-jobs-error';
import type { JobDefinition } from '../model/job-definition';
import { JOB_NAMES, type JobName, isJobName } from '../model/job-name';
import { SALES_ORDER_FACT_JOB, SALES_ORDER_LINE_ITEMS_JOB, SERVICE_PARTS_CATALOG_JOB } from './analytics-jobs';
import { AUTO_PARTS_JOB, CUSTOMERS_JOB, SERVICE_JOB, SERVICE_PARTS_JOB } from './catalog-jobs';
import { SALES_ORDER_JOB, SALES_ORDER_PARTS_JOB, SALES_ORDER_SERVICES_JOB } from './sales-jobs';

/** The ten jobs, in an order where every job comes after the jobs it depends on. */
export const JOBS: readonly JobDefinition[] = [
  AUTO_PARTS_JOB,
  SERVICE_JOB,
  SERVICE_PARTS_JOB,
  CUSTOMERS_JOB,
  SALES_ORDER_JOB,
  SALES_ORDER_PARTS_JOB,
  SALES_ORDER_SERVICES_JOB,
  SALES_ORDER_FACT_JOB,
  SALES_ORDER_LINE_ITEMS_JOB,
  SERVICE_PARTS_CATALOG_JOB,
];

export function jobByName(name: string): JobDefinition {
  const job = isJobName(name) ? JOBS.find((j) => j.name === name) : undefined;
  if (!job) {
    throw new EtlJobsError('unknown-job', `There is no ETL job "${name}". Pick one of: ${JOB_NAMES.join(', ')}.`);
  }
  return job;
}

/**
 * The named jobs plus everything they depend on, ordered so that dependencies run first
 * (stable: ties keep the JOBS order). Throws on a dependency cycle.
 */
export function jobsInDependencyOrder(
  names: readonly string[] = JOB_NAMES,
  jobs: readonly JobDefinition[] = JOBS,
): JobDefinition[] {
  const byName = new Map(jobs.map((j) => [j.name as string, j]));
  const ordered: JobDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    const job = byName.get(name);
    if (!job)
      throw new EtlJobsError(
        'unknown-job',
        `There is no ETL job "${name}". Pick one of: ${[...byName.keys()].join(', ')}.`,
      );
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new EtlJobsError(
        'dependency-cycle',
        `ETL jobs depend on each other in a cycle: ${[...path, name].join(' -> ')}; remove one dependency.`,
      );
    }
    state.set(name, 'visiting');
    for (const dep of job.dependsOn) visit(dep, [...path, name]);
    state.set(name, 'done');
    ordered.push(job);
  };
  const wanted = new Set(names);
  for (const job of jobs) if (wanted.has(job.name)) visit(job.name, []);
  for (const name of wanted) if (!byName.has(name)) visit(name, []);
  return ordered;
}

export type { JobName };
