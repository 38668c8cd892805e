import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const DASHBOARD = ['ops-dashboard', 'ops-dashboard-e2e'];

/** Of the dashboard's projects, those `nx affected` would build and test for a change to `file`. */
function affectedDashboardProjects(file: string): string[] {
  const out = execFileSync('npx', ['nx', 'show', 'projects', '--affected', `--files=${file}`, '--json'], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    encoding: 'utf8',
  });
  return (JSON.parse(out) as string[]).filter((name) => DASHBOARD.includes(name)).sort();
}

// `nx affected -t build test` builds and tests the ops dashboard only when it or a library it uses changed.
describe('nx affected and the ops dashboard', () => {
  it('includes the dashboard and its browser tests for a change to the dashboard or the platform client it uses', () => {
    expect(affectedDashboardProjects('apps/ops-dashboard/src/app/page.tsx')).toEqual(DASHBOARD);
    expect(affectedDashboardProjects('libs/platform-client/src/index.ts')).toEqual(DASHBOARD);
  });

  it('leaves the dashboard out for a change to a pipeline library it does not use, tools or docs', () => {
    expect(affectedDashboardProjects('libs/etl/src/index.ts')).toEqual(['ops-dashboard-e2e']);
    expect(affectedDashboardProjects('tools/bench/src/main.ts')).toEqual([]);
    expect(affectedDashboardProjects('docs/architecture.md')).toEqual([]);
  });
}, 120_000);
