import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** The repository root (this file is infra/src/constructs/). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Bundles a handler into a folder: `node <script> <entry> <output dir>`. */
export const LAMBDA_BUNDLER = path.join(REPO_ROOT, 'infra', 'scripts', 'bundle-lambda.mjs');

/** A Lambda handler of this repository: its entry and the folder of its sources (what the asset is built from), both
 * relative to the repository, and what the bundling error calls it. */
export interface LambdaEntry {
  readonly entry: string;
  readonly sources: string;
  readonly label: string;
}

/** The platform API (aws profile), deployed by the web stack. */
export const PLATFORM_API_LAMBDA: LambdaEntry = {
  entry: 'apps/orchestrator/src/api/aws/platform-api-lambda.ts',
  sources: 'apps/orchestrator/src/api',
  label: 'the platform API',
};
/** The assistant's chat handler, deployed by the chat stack. */
export const CHAT_HANDLER_LAMBDA: LambdaEntry = {
  entry: 'libs/assistant/src/lambda/chat-lambda.ts',
  sources: 'libs/assistant/src/lambda',
  label: 'the chat handler',
};

/**
 * A handler's Lambda code: bundled at synth time on this machine by scripts/bundle-lambda.mjs (rolldown; the AWS SDK
 * and the libraries inlined, DuckDB's native packages copied). There is no Docker fallback: a machine without the workspace installed cannot bundle. Tests skip
 * bundling (context `aws:cdk:bundling-stacks: []`).
 */
export function bundledLambdaCode(handler: LambdaEntry): lambda.Code {
  return lambda.Code.fromAsset(path.join(REPO_ROOT, handler.sources), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      command: ['sh', '-c', `echo "${handler.label} is bundled locally (npm ci, then cdk synth)" >&2; exit 1`],
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync(process.execPath, [LAMBDA_BUNDLER, handler.entry, outputDir], { stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
