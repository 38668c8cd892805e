import { APP_STACKS } from './stack-ids';

export type DeployingApp = keyof typeof APP_STACKS;

/**
 * The `cdk` arguments of an app's `deploy` target: its stacks (APP_STACKS, the one owner of that list) into a cloud
 * assembly folder of its own (apps deploying at once do not share cdk.out), then the caller's options
 * (`-c env=prod`, `--require-approval=never`).
 */
export function deployArguments(app: string, options: readonly string[] = []): string[] {
  if (!Object.hasOwn(APP_STACKS, app))
    throw new Error(`No app "${app}" deploys stacks: use one of ${Object.keys(APP_STACKS).join(', ')} (APP_STACKS).`);
  return ['deploy', '--output', `cdk.out/${app}`, ...APP_STACKS[app as DeployingApp], ...options];
}
