import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** The repository root (this file is infra/src/constructs/). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The platform API's Lambda entry and the folder of its sources (what the asset is built from). */
export const PLATFORM_API_ENTRY = 'apps/orchestrator/src/api/aws/platform-api-lambda.ts';
export const PLATFORM_API_SOURCE = path.join(REPO_ROOT, 'apps', 'orchestrator', 'src', 'api');
/** Bundles a handler into a folder: `node <script> <entry> <output dir>`. */
export const LAMBDA_BUNDLER = path.join(REPO_ROOT, 'infra', 'scripts', 'bundle-lambda.mjs');

/**
 * The platform API Lambda's code: bundled at synth time on this machine by scripts/bundle-lambda.mjs (rolldown; the
 * AWS SDK and the libraries inlined, DuckDB's native packages copied), as the chat handler is. There is no Docker
 * fallback. Tests skip bundling (context `aws:cdk:bundling-stacks: []`).
 */
export function platformApiCode(): lambda.Code {
  return lambda.Code.fromAsset(PLATFORM_API_SOURCE, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      command: ['sh', '-c', 'echo "the platform API is bundled locally (npm ci, then cdk synth)" >&2; exit 1'],
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync(process.execPath, [LAMBDA_BUNDLER, PLATFORM_API_ENTRY, outputDir], { stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
