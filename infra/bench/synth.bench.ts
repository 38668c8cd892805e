/**
 * Bench: synthesizing each environment's six stacks (construct tree, CloudFormation validation, asset staging),
 * then the cdk-nag AwsSolutions checks over the tree, in milliseconds. Default-exports a case in the shape of
 * tools/bench's BenchCase ({ name, description, run(context) => metrics }).
 */
import path from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createLakehouseApp } from '../src/app/create-app';
import { ENVIRONMENT_NAMES } from '../src/config/environment-config';

interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
}

interface Context {
  readonly scale: number;
  readonly workDir: string;
  readonly log: (line: string) => void;
}

const SYNTH_TARGET_MS = 30_000;

async function run(context: Context): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const name of ENVIRONMENT_NAMES) {
    const started = performance.now();
    const { app } = createLakehouseApp({ outdir: path.join(context.workDir, name), nag: false, env: {}, context: { env: name } });
    const assembly = app.synth();
    const synthMs = Math.round(performance.now() - started);
    const nagStarted = performance.now();
    const violations = new AwsSolutionsChecks().validateScope(app).violations.length;
    const nagMs = Math.round(performance.now() - nagStarted);
    context.log(`${name}: ${assembly.stacks.length} stacks in ${synthMs} ms, cdk-nag ${nagMs} ms, ${violations} findings`);
    metrics.push({ name: `synth ${name}`, value: synthMs, unit: 'ms', target: `<= ${SYNTH_TARGET_MS} ms`, met: synthMs <= SYNTH_TARGET_MS });
    metrics.push({ name: `cdk-nag ${name}`, value: nagMs, unit: 'ms' });
    metrics.push({ name: `cdk-nag findings ${name}`, value: violations, unit: 'findings', target: '<= 0 findings', met: violations === 0 });
  }
  return metrics;
}

export default {
  name: 'infra-synth',
  description: 'CDK synth of dev, staging and prod (six stacks each) and the cdk-nag AwsSolutions checks',
  run,
};
