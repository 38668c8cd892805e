import { type JobDefinition, jobsInDependencyOrder } from '@autocorp/etl-jobs';

/**
 * The jobs to run, in dependency order, with `firstJobs` (those among the selected ones) and what
 * they depend on moved ahead of the others: still an order in which every job runs after its
 * dependencies, but the tables a reader waits for commit before the rest. With `withDependencies`
 * false only the named jobs run (what they depend on is read as last committed).
 */
export function jobsInRunOrder(
  names: readonly string[] | undefined,
  firstJobs: readonly string[] = [],
  withDependencies = true,
): JobDefinition[] {
  const ordered = jobsInRunOrderWithDependencies(names, firstJobs);
  return withDependencies || names === undefined ? ordered : ordered.filter((j) => names.includes(j.name));
}

function jobsInRunOrderWithDependencies(
  names: readonly string[] | undefined,
  firstJobs: readonly string[],
): JobDefinition[] {
  const all = jobsInDependencyOrder(names);
  const first = firstJobs.filter((name) => all.some((j) => j.name === name));
  if (first.length === 0) return all;
  const ahead = jobsInDependencyOrder(first);
  const taken = new Set(ahead.map((j) => j.name as string));
  return [...ahead, ...all.filter((j) => !taken.has(j.name))];
}
