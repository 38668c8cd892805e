import { JOB_NAMES, jobByName, jobsInDependencyOrder } from '@autocorp/etl-jobs';
import { describe, expect, it } from 'vitest';
import { jobsInRunOrder } from '../src/run/job-order';

/** Every job a job depends on, transitively. */
function dependencies(name: string): Set<string> {
  const found = new Set<string>();
  const visit = (n: string) => {
    for (const dep of jobByName(n).dependsOn) {
      if (found.has(dep)) continue;
      found.add(dep);
      visit(dep);
    }
  };
  visit(name);
  return found;
}

describe('jobsInRunOrder', () => {
  it.each([...JOB_NAMES])('runs %s right after what it depends on, every job still after its dependencies', (first) => {
    const order = jobsInRunOrder(undefined, [first]).map((j) => j.name as string);
    expect([...order].sort()).toEqual(
      jobsInDependencyOrder()
        .map((j) => j.name as string)
        .sort(),
    );
    for (const [i, name] of order.entries())
      for (const dep of jobByName(name).dependsOn) expect(order.indexOf(dep)).toBeLessThan(i);
    expect(order.indexOf(first)).toBe(dependencies(first).size);
  });

  it('ignores first jobs that are not selected and keeps the dependency order without any', () => {
    const selected = ['customers', 'auto_parts'];
    expect(jobsInRunOrder(selected, ['sales_order_fact']).map((j) => j.name)).toEqual(
      jobsInDependencyOrder(selected).map((j) => j.name),
    );
    expect(jobsInRunOrder(undefined).map((j) => j.name)).toEqual(jobsInDependencyOrder().map((j) => j.name));
  });

  it('runs only the named jobs, in dependency order, when asked to leave out their dependencies', () => {
    const analytics = ['service_parts_catalog', 'sales_order_fact', 'sales_order_line_items'];
    const order = jobsInRunOrder(analytics, ['sales_order_fact'], false).map((j) => j.name as string);
    expect(order[0]).toBe('sales_order_fact');
    expect([...order].sort()).toEqual([...analytics].sort());
    const full = jobsInRunOrder(analytics).map((j) => j.name as string);
    for (const name of analytics) expect(full).toEqual(expect.arrayContaining([...dependencies(name)]));
  });
});
