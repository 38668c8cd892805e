import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The web apps the site hosts: their folder, their Nx project (whose `build` writes `out/`) and their path on the site. */
export const WEB_APPS = {
  dashboard: { folder: 'apps/ops-dashboard', project: 'ops-dashboard', sitePrefix: '' },
  chat: { folder: 'apps/chat', project: 'chat', sitePrefix: 'chat/' },
} as const;
export type WebApp = keyof typeof WEB_APPS;

/**
 * A web app's static export as a deployment source: its `out/` folder copied at synth time. A missing export is
 * built first (`nx run <app>:build`, offline, cached by Nx), so `cdk synth` works from a fresh checkout; the apps'
 * `deploy` targets build before they deploy. Tests skip bundling (the asset then points at the app's folder).
 */
export function webExportSource(app: WebApp): s3deploy.ISource {
  const { folder, project } = WEB_APPS[app];
  const root = path.join(REPO_ROOT, folder);
  const out = path.join(root, 'out');
  return s3deploy.Source.asset(root, {
    assetHashType: AssetHashType.OUTPUT,
    // Without bundling (tests) the app's sources stand in; never its build folders.
    exclude: ['node_modules', '.next', 'out'],
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      command: [
        'sh',
        '-c',
        `echo "build ${project} locally (npx nx run ${project}:build), then cdk synth" >&2; exit 1`,
      ],
      local: {
        tryBundle(outputDir: string): boolean {
          if (!existsSync(path.join(out, 'index.html')))
            execFileSync('npx', ['nx', 'run', `${project}:build`], {
              cwd: REPO_ROOT,
              stdio: 'inherit',
              env: { ...process.env, NX_DAEMON: 'false' },
            });
          cpSync(out, outputDir, { recursive: true });
          return true;
        },
      },
    },
  });
}
