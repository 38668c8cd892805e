import { spawnSync } from 'node:child_process';
import { INFRA_ROOT } from '../src/app/create-app';
import { deployArguments } from '../src/app/deploy-command';

// An app's `deploy` target: `npm run deploy-app -- <app> [cdk options]` (in infra/) runs `cdk deploy` of the app's stacks.
const [app = '', ...options] = process.argv.slice(2);
let args: string[];
try {
  args = deployArguments(app, options);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const result = spawnSync('npx', ['cdk', ...args], { cwd: INFRA_ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
