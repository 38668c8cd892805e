import type { GlueJobInput } from '../inputs/glue-job-input';

/** One conditional trigger: start `jobs` once every job in `after` has succeeded. */
export interface TriggerStep {
  readonly after: readonly string[];
  readonly jobs: readonly string[];
}

export interface WorkflowPlan {
  /** Started by the workflow's first trigger (scheduled or on demand). */
  readonly start: readonly string[];
  readonly steps: readonly TriggerStep[];
  /** The curated crawler runs once all of these (the jobs nothing else waits for) have succeeded. */
  readonly curatedCrawlerAfter: readonly string[];
}

/**
 * Orders the jobs into workflow triggers: operational jobs without dependencies start the run; every other job
 * waits for its dependencies, and an analytics job without declared dependencies waits for every operational job,
 * so analytics always follows operational. Jobs waiting for the same set share one trigger. `jobs` must already be
 * checked and ordered by `orderJobs`.
 */
export function planWorkflow(jobs: readonly GlueJobInput[]): WorkflowPlan {
  const operational = jobs.filter((job) => job.layer === 'operational').map((job) => job.name);
  const start: string[] = [];
  const steps = new Map<string, { after: string[]; jobs: string[] }>();
  for (const job of jobs) {
    const after = job.dependsOn.length > 0 ? [...job.dependsOn] : job.layer === 'analytics' ? operational : [];
    if (after.length === 0) {
      start.push(job.name);
      continue;
    }
    const key = [...after].sort().join(',');
    const step = steps.get(key) ?? { after, jobs: [] };
    step.jobs.push(job.name);
    steps.set(key, step);
  }
  const waitedFor = new Set([...steps.values()].flatMap((step) => step.after));
  const curatedCrawlerAfter = jobs.map((job) => job.name).filter((name) => !waitedFor.has(name));
  return { start, steps: [...steps.values()], curatedCrawlerAfter };
}
