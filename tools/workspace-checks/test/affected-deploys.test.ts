import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Projects with a `deploy` target that `nx affected` would run for a change to `file`. */
function affectedDeploys(file: string): string[] {
  const out = execFileSync(
    'npx',
    ['nx', 'show', 'projects', '--affected', `--files=${file}`, '--withTarget=deploy', '--json'],
    {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      encoding: 'utf8',
    },
  );
  return (JSON.parse(out) as string[]).sort();
}

// `nx affected -t deploy` must deploy what a change touches and nothing else.
describe('nx affected limits what deploys', () => {
  it('deploys nothing for a change to tools or docs', () => {
    expect(affectedDeploys('tools/bench/src/main.ts')).toEqual([]);
    expect(affectedDeploys('docs/architecture.md')).toEqual([]);
  });

  it('deploys the orchestrator stacks for a change to a library the pipeline uses', () => {
    expect(affectedDeploys('libs/hudi/src/index.ts')).toEqual(['infra', 'orchestrator']);
  });

  it('deploys the apps whose stacks the CDK app defines when the CDK app changes', () => {
    expect(affectedDeploys('infra/src/index.ts')).toEqual(['infra', 'orchestrator']);
  });

  it('deploys a web app only for a change to it or to a library it uses', () => {
    expect(affectedDeploys('apps/chat/src/app/page.tsx')).toEqual(['chat']);
    expect(affectedDeploys('apps/ops-dashboard/src/app/page.tsx')).toEqual(['ops-dashboard']);
    // The platform client: both web apps, the orchestrator (its API) and the CDK app (the API's environment names).
    expect(affectedDeploys('libs/platform-client/src/index.ts')).toEqual([
      'chat',
      'infra',
      'ops-dashboard',
      'orchestrator',
    ]);
    // The platform API on aws is the orchestrator's code: the orchestrator's deploy (which includes the web stack).
    expect(affectedDeploys('apps/orchestrator/src/api/aws/aws-runtime.ts')).toEqual(['orchestrator']);
  });
}, 120_000);
