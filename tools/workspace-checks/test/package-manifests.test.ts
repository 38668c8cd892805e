import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingPackageEntries } from '../src/package-entries';
import { undeclaredTsxUsers } from '../src/tsx-users';
import { workspacePackageDirs } from '../src/workspace-files';
import { useScratchTrees } from './support/scratch-tree';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
// Spelled in parts so that this package does not itself look like a tsx user.
const TSX = 'tsx';
const SPAWN_WITH_TSX = `spawn(process.execPath, ['--import', '${TSX}', script]);\n`;

const tree = useScratchTrees();

describe('packages that run TypeScript through tsx declare it', () => {
  it('names a package that spawns node with tsx imported, or runs tsx from a script or cdk.json, without declaring it', () => {
    const root = tree({
      'libs/a/package.json': '{ "name": "a" }',
      'libs/a/test/crash.test.ts': SPAWN_WITH_TSX,
      'libs/b/package.json': `{ "name": "b", "devDependencies": { "${TSX}": "^4" } }`,
      'libs/b/test/crash.test.ts': SPAWN_WITH_TSX,
      'infra/package.json': '{ "name": "infra" }',
      'infra/cdk.json': `{ "app": "npx ${TSX} bin/app.ts" }`,
      'tools/c/package.json': `{ "name": "c", "scripts": { "bench": "${TSX} src/main.ts" } }`,
      'libs/d/package.json': '{ "name": "d" }',
      'libs/d/src/index.ts': "export const runner = 'node';\n",
    });
    expect(undeclaredTsxUsers(root, workspacePackageDirs(root))).toEqual([
      { packageDir: 'libs/a', usedIn: 'test/crash.test.ts' },
      { packageDir: 'tools/c', usedIn: 'package.json' },
      { packageDir: 'infra', usedIn: 'cdk.json' },
    ]);
  });

  it('every workspace package that uses tsx declares it', () => {
    const dirs = workspacePackageDirs(ROOT);
    expect(dirs).toEqual(expect.arrayContaining(['apps/orchestrator', 'libs/hudi', 'infra']));
    expect(undeclaredTsxUsers(ROOT, dirs)).toEqual([]);
  });
});

describe('package entries name files that exist', () => {
  it('names an export, types or bin entry whose file is missing', () => {
    const root = tree({
      'apps/x/package.json':
        '{ "exports": { ".": "./src/index.ts", "./testing": { "types": "./testing/index.ts", "default": "./testing/index.js" } }, "types": "./src/index.ts", "bin": { "x": "./bin/x.mjs" } }',
      'apps/x/src/index.ts': 'export {};\n',
      'apps/x/testing/index.ts': 'export {};\n',
    });
    expect(missingPackageEntries(root, ['apps/x'])).toEqual([
      { packageDir: 'apps/x', entry: './testing/index.js' },
      { packageDir: 'apps/x', entry: './bin/x.mjs' },
    ]);
  });

  it('every workspace package names only files that exist', () => {
    expect(missingPackageEntries(ROOT, workspacePackageDirs(ROOT))).toEqual([]);
  });
});
