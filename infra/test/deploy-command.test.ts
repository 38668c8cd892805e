import { describe, expect, it } from 'vitest';
import { deployArguments } from '../src/app/deploy-command';
import { APP_STACKS } from '../src/app/stack-ids';

describe("an app's deploy target", () => {
  it('deploys exactly the stacks APP_STACKS gives the app, into its own cloud assembly, then the given options', () => {
    for (const [app, stacks] of Object.entries(APP_STACKS))
      expect(deployArguments(app, ['-c', 'env=prod'])).toEqual([
        'deploy',
        '--output',
        `cdk.out/${app}`,
        ...stacks,
        '-c',
        'env=prod',
      ]);
  });

  it('puts the web stack in the deploys of both web apps and of the orchestrator (the platform API)', () => {
    for (const app of ['dashboard', 'chat', 'orchestrator']) expect(deployArguments(app)).toContain('Web');
  });

  it('names the apps there are when asked for another', () => {
    expect(() => deployArguments('website')).toThrow(/use one of orchestrator, chat, dashboard/);
  });
});
