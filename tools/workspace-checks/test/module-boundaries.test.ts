import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PACKAGE_PARENT_FOLDERS, workspacePackageDirs } from '../src/workspace-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const RULE = '@nx/enforce-module-boundaries';

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

// The rule runs on the real project graph and tags; these imports are linted as if they were in the files named.
describe('module boundaries are enforced by lint', () => {
  it('refuses a library importing an app', async () => {
    const errors = await boundaryErrors(
      'libs/hudi/src/uses-app.ts',
      "import { COMMANDS } from '@autocorp/orchestrator';\nexport const x = COMMANDS;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses an app importing anything but libraries (here: the CDK app)', async () => {
    const errors = await boundaryErrors(
      'apps/orchestrator/src/uses-infra.ts',
      "import { STACK_IDS } from '@autocorp/infra';\nexport const x = STACK_IDS;\n",
    );
    expect(errors.join('\n')).toContain('type:app');
  });

  it('refuses a shared library importing an area library', async () => {
    const errors = await boundaryErrors(
      'libs/config/src/uses-area.ts',
      "import { generate } from '@autocorp/generator';\nexport const x = generate;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('accepts a library importing a shared library', async () => {
    expect(
      await boundaryErrors(
        'libs/hudi/src/uses-shared.ts',
        "import { formatCount } from '@autocorp/terminal';\nexport const x = formatCount;\n",
      ),
    ).toEqual([]);
  });
}, 120_000);

describe('workspace settings', () => {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
    devDependencies: Record<string, string>;
  };
  const nxJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'nx.json'), 'utf8')) as { neverConnectToCloud?: boolean };

  it('pins nx and every @nx/* package to one exact version and never connects to Nx Cloud', () => {
    const nxPackages = Object.entries(rootPackage.devDependencies).filter(
      ([name]) => name === 'nx' || name.startsWith('@nx/'),
    );
    expect(nxPackages.length).toBeGreaterThan(1);
    const versions = new Set(nxPackages.map(([, version]) => version));
    expect(versions.size).toBe(1);
    expect([...versions][0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(nxJson.neverConnectToCloud).toBe(true);
  });

  it('the npm workspaces are the package folders the checks walk', () => {
    expect([...rootPackage.workspaces].sort()).toEqual(
      [...PACKAGE_PARENT_FOLDERS.map((folder) => `${folder}/*`), 'infra'].sort(),
    );
  });

  it('gives every project test, typecheck and lint targets (apps and libraries build too) and an nx name and tags', () => {
    const folders = workspacePackageDirs(ROOT);
    expect(folders).toEqual(
      expect.arrayContaining(['apps/orchestrator', 'libs/query', 'tools/bench', 'e2e/pipeline', 'infra']),
    );
    for (const folder of folders) {
      const file = path.join(ROOT, folder, 'package.json');
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        scripts?: Record<string, string>;
        nx?: { name?: string; tags?: string[] };
      };
      expect(Object.keys(pkg.scripts ?? {}), folder).toEqual(expect.arrayContaining(['test', 'typecheck', 'lint']));
      // Apps and libraries build (the CLI runs its build; `deploy` depends on `^build`).
      if (/^(apps|libs)\//.test(folder)) expect(Object.keys(pkg.scripts ?? {}), folder).toContain('build');
      expect(pkg.nx?.name, folder).toBeTruthy();
      expect(
        pkg.nx?.tags?.some((t) => t.startsWith('type:')),
        folder,
      ).toBe(true);
    }
  });
});
