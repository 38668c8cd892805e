import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** infra/ (this file is infra/src/constructs/). */
const INFRA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The chat handler's sources (what the asset is built from). */
export const CHAT_HANDLER_SOURCE = path.resolve(INFRA_DIR, '..', 'libs', 'assistant', 'src', 'lambda');
/** Bundles the handler into a folder: `node <script> <output dir>`. */
export const CHAT_HANDLER_BUNDLER = path.join(INFRA_DIR, 'scripts', 'bundle-chat-handler.mjs');

/**
 * The chat Lambda's code: bundled at synth time on this machine by scripts/bundle-chat-handler.mjs (rolldown; the
 * AWS SDK and the libraries inlined, DuckDB's native packages copied). There is no Docker fallback: a machine
 * without the workspace installed cannot bundle. Tests skip bundling (context `aws:cdk:bundling-stacks: []`).
 */
export function chatHandlerCode(): lambda.Code {
  return lambda.Code.fromAsset(CHAT_HANDLER_SOURCE, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      command: ['sh', '-c', 'echo "the chat handler is bundled locally (npm ci, then cdk synth)" >&2; exit 1'],
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync(process.execPath, [CHAT_HANDLER_BUNDLER, outputDir], { stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
