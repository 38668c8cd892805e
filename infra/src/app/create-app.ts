import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { EnvironmentConfig } from '../config/environment-config';
import { resolveEnvironment } from '../config/resolve-environment';
import type { NamedQueryInput } from '../inputs/named-query-input';
import { glueJobsFromDefinitions, namedQueriesFromDefinitions, sourceTableNames } from '../inputs/shared-definitions';
import { buildLakehouse, type LakehouseStacks } from './build-lakehouse';

/** infra/, where cdk.json lives. */
export const INFRA_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The context of cdk.json (feature flags): the CLI passes it to the app; tests pass it themselves. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(INFRA_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface CreateAppOptions {
  /** Extra context, e.g. `{ env: 'prod' }`; the CLI's `-c` values arrive through the environment instead. */
  readonly context?: Record<string, unknown>;
  /** Cloud assembly folder; default a fresh temporary folder (tests) or the CLI's cdk.out. */
  readonly outdir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Named queries; default the NAMED_QUERIES of @autocorp/query. */
  readonly queries?: readonly NamedQueryInput[];
  /** Run the cdk-nag AwsSolutions checks at synth (default true). */
  readonly nag?: boolean;
}

export interface LakehouseApp {
  readonly app: App;
  readonly config: EnvironmentConfig;
  readonly stacks: LakehouseStacks;
}

/**
 * The CDK app of one environment (chosen by `-c env=` or AUTOCORP_ENV, default dev), built from the shared job
 * definitions, with cdk-nag's AwsSolutions checks as an aspect so a finding fails the synth.
 */
export function createLakehouseApp(options: CreateAppOptions = {}): LakehouseApp {
  const underCli = process.env.CDK_CONTEXT_JSON !== undefined || process.env.CDK_OUTDIR !== undefined;
  const app = new App({
    ...(underCli ? {} : { context: { ...cdkJsonContext(), ...options.context } }),
    ...(options.outdir !== undefined ? { outdir: options.outdir } : {}),
  });
  const config = resolveEnvironment({
    context: (key) => app.node.tryGetContext(key),
    env: options.env ?? process.env,
    cwd: INFRA_ROOT,
  });
  const stacks = buildLakehouse(app, {
    config,
    sourceTables: sourceTableNames(),
    jobs: glueJobsFromDefinitions(config),
    queries: options.queries ?? namedQueriesFromDefinitions(config),
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, config, stacks };
}
