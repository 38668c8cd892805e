import path from 'node:path';
import { ENVIRONMENT_NAMES, createLakehouseApp } from '@autocorp/infra';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured } from '../src/bench-case';

const SYNTH_TARGET_S = 30;

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const metrics: BenchMetric[] = [];
  for (const [index, name] of ENVIRONMENT_NAMES.entries()) {
    // The first synth also loads aws-cdk-lib's modules (lazily required), as a fresh `cdk synth` does.
    const label = index === 0 ? `synth ${name}, cold` : `synth ${name}`;
    const started = performance.now();
    const { app } = createLakehouseApp({
      outdir: path.join(context.workDir, name),
      nag: false,
      env: {},
      context: { env: name },
    });
    const assembly = app.synth();
    const synthSeconds = (performance.now() - started) / 1000;
    const nagStarted = performance.now();
    const violations = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app).violations;
    const nagSeconds = (performance.now() - nagStarted) / 1000;
    context.log(
      `${name}: ${assembly.stacks.length} stacks in ${synthSeconds.toFixed(1)} s, cdk-nag ${nagSeconds.toFixed(1)} s, ${violations.length} findings`,
    );
    for (const v of violations)
      context.log(`  ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    metrics.push(atMost(`${label} (${assembly.stacks.length} stacks)`, synthSeconds, 's', SYNTH_TARGET_S));
    metrics.push(measured(`cdk-nag checks ${name}`, nagSeconds, 's'));
    metrics.push(atMost(`cdk-nag findings ${name}`, violations.length, 'findings', 0));
  }
  return metrics;
}

const infraSynthCase: BenchCase = {
  name: 'infra-synth',
  description: 'CDK synth of dev, staging and prod (eight stacks each) and the cdk-nag AwsSolutions checks',
  run,
};

export default infraSynthCase;
