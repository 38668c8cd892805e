import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type LakehouseApp, createLakehouseApp } from '../../src/app/create-app';
import { STACK_IDS, type StackKey } from '../../src/app/stack-ids';
import type { EnvironmentName } from '../../src/config/environment-config';

export interface SynthesizedEnvironment extends LakehouseApp {
  readonly assembly: CloudAssembly;
  readonly outdir: string;
  /** The raw template JSON of each stack. */
  readonly json: Record<
    StackKey,
    { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> } & Record<string, unknown>
  >;
  readonly templates: Record<StackKey, Template>;
  /** cdk-nag AwsSolutions findings left after acknowledgements. */
  readonly nagViolations: ReturnType<AwsSolutionsChecks['validateScope']>['violations'];
  /** Removes the cloud assembly folder. */
  readonly cleanup: () => void;
}

/** A fresh folder for a cloud assembly. */
export function freshOutdir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `autocorp-infra-${label}-`));
  return path.join(dir, 'cdk.out');
}

/** Writes an infra override file (keyed by environment) in a folder of its own and returns its path (remove it with removeOverrideFile). */
export function writeOverrideFile(overrides: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'autocorp-infra-config-'));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'infra-config.json');
  writeFileSync(file, JSON.stringify(overrides, null, 2));
  return file;
}

/** Removes a file written by writeOverrideFile, and its folder. */
export function removeOverrideFile(file: string): void {
  rmSync(path.dirname(file), { recursive: true, force: true });
}

/** Synthesizes one environment the way `cdk synth -c env=<name>` does, then runs cdk-nag over the construct tree. */
export function synthesizeEnvironment(
  name: EnvironmentName,
  options: { readonly configFile?: string } = {},
): SynthesizedEnvironment {
  const outdir = freshOutdir(name);
  const lakehouse = createLakehouseApp({
    outdir,
    nag: false,
    env: {},
    context: {
      env: name,
      ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
      // No asset bundling (the chat handler's): its asset points at the sources; chat-handler-bundle.test.ts bundles.
      'aws:cdk:bundling-stacks': [],
    },
  });
  const assembly = lakehouse.app.synth();
  const keys = Object.keys(STACK_IDS) as StackKey[];
  const json = Object.fromEntries(
    keys.map((key) => [key, assembly.getStackArtifact(lakehouse.stacks[key].artifactId).template]),
  ) as SynthesizedEnvironment['json'];
  const templates = Object.fromEntries(keys.map((key) => [key, Template.fromJSON(json[key])])) as Record<
    StackKey,
    Template
  >;
  const nagViolations = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(lakehouse.app).violations;
  const cleanup = () => rmSync(path.dirname(outdir), { recursive: true, force: true });
  return { ...lakehouse, assembly, outdir, json, templates, nagViolations, cleanup };
}
