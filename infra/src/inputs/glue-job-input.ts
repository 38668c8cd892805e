import { InfraError } from '../infra-error';

/**
 * One Glue job as the ETL stack needs it: produced from the shared job definitions of
 * @autocorp/etl-jobs (see shared-definitions.ts), never written by hand here.
 */
export interface GlueJobInput {
  /** The job definition's name, e.g. `sales_order`; the Glue job is `autocorp-<env>-sales-order`. */
  readonly name: string;
  /** Operational jobs read the raw zone; analytics jobs read curated operational tables. */
  readonly layer: 'operational' | 'analytics';
  readonly description: string;
  /** Jobs that must succeed before this one starts. */
  readonly dependsOn: readonly string[];
  /** The rendered Glue 5.0 PySpark script. */
  readonly script: string;
  /** Job-specific default arguments (`--name`: value) from the job definition. */
  readonly arguments: Readonly<Record<string, string>>;
}

const JOB_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The jobs in an order where every job comes after the jobs it depends on (stable: ties keep input order).
 * Throws InfraError `invalid-job-graph` on an empty list, duplicate names, unknown dependencies, cycles or an operational job
 * that depends on an analytics job.
 */
export function orderJobs(jobs: readonly GlueJobInput[]): GlueJobInput[] {
  if (jobs.length === 0)
    throw new InfraError(
      'invalid-job-graph',
      'No Glue jobs were given; pass the job definitions of @autocorp/etl-jobs (glueJobsFromDefinitions).',
    );
  const byName = new Map<string, GlueJobInput>();
  for (const job of jobs) {
    if (!JOB_NAME.test(job.name))
      throw new InfraError(
        'invalid-job-graph',
        `Glue job name "${job.name}" must be lowercase letters, digits and "_" (at most 63), starting with a letter.`,
      );
    if (byName.has(job.name))
      throw new InfraError('invalid-job-graph', `Glue job "${job.name}" is defined twice; job names must be unique.`);
    if (job.script.trim() === '')
      throw new InfraError(
        'invalid-job-graph',
        `Glue job "${job.name}" has an empty script; render it with renderGlueScript from @autocorp/etl-jobs.`,
      );
    byName.set(job.name, job);
  }
  for (const job of jobs) {
    for (const dependency of job.dependsOn) {
      const upstream = byName.get(dependency);
      if (upstream === undefined)
        throw new InfraError(
          'invalid-job-graph',
          `Glue job "${job.name}" depends on "${dependency}", which is not among the jobs (${[...byName.keys()].join(', ')}).`,
        );
      if (job.layer === 'operational' && upstream.layer === 'analytics') {
        throw new InfraError(
          'invalid-job-graph',
          `Operational job "${job.name}" depends on analytics job "${dependency}"; operational jobs run first, so move the dependency or the layer.`,
        );
      }
    }
  }
  const ordered: GlueJobInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (job: GlueJobInput, path: readonly string[]): void => {
    const seen = state.get(job.name);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new InfraError(
        'invalid-job-graph',
        `Glue jobs depend on each other in a cycle: ${[...path, job.name].join(' -> ')}. Remove one dependency.`,
      );
    state.set(job.name, 'visiting');
    for (const dependency of job.dependsOn) visit(byName.get(dependency) as GlueJobInput, [...path, job.name]);
    state.set(job.name, 'done');
    ordered.push(job);
  };
  for (const job of jobs) visit(job, []);
  return ordered;
}
