import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, relativeSpecifiers } from '../src/import-cycles';
import { workspacePackageDirs } from '../src/workspace-files';
import { useScratchTrees } from './support/scratch-tree';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tree = useScratchTrees();

describe('import cycles inside a package', () => {
  it('reads static imports, re-exports, type imports, import() and require, relative ones only', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b.js';",
      "export * from './c/index';",
      "export { d } from './d.ts';",
      "const e = await import('./e');",
      "const f = require('./f');",
      "import pg from 'pg';",
      "import { x } from '@autocorp/hudi';",
      "// import { g } from './g';",
      'const text = "import { h } from \'./h\'";',
    ].join('\n');
    expect(relativeSpecifiers(text).sort()).toEqual(['../b.js', './a', './c/index', './d.ts', './e', './f']);
  });

  it('names each group of files that import each other in a circle, through type imports, re-exports and index files', () => {
    const root = tree({
      'libs/a/package.json': '{ "name": "a" }',
      // table.ts -> clean.ts -> table.ts (a type import closes it)
      'libs/a/src/table.ts':
        "import { clean } from './ops/clean.js';\nexport class Table { clean() { return clean(this); } }\n",
      'libs/a/src/ops/clean.ts': "import type { Table } from '../table';\nexport const clean = (t: Table) => t;\n",
      // index.ts -> x.ts -> y/index.ts -> index.ts (a re-export and a folder import)
      'libs/a/src/index.ts': "export * from './x';\n",
      'libs/a/src/x.ts': "import { y } from './y';\nexport const x = y;\n",
      'libs/a/src/y/index.ts': "import { x } from '..';\nexport const y = 1; export const again = () => x;\n",
      // a file importing itself
      'libs/a/src/self.ts': "import * as me from './self';\nexport const self = me;\n",
      // a chain without a cycle, a missing file and a package import
      'libs/a/src/chain-1.ts':
        "import { c2 } from './chain-2';\nimport { gone } from './gone';\nimport { z } from 'b';\nexport const c1 = [c2, gone, z];\n",
      'libs/a/src/chain-2.ts': 'export const c2 = 2;\n',
      'libs/b/package.json': '{ "name": "b" }',
      'libs/b/src/index.ts': "export * from './one';\n",
      'libs/b/src/one.ts': 'export const one = 1;\n',
    });
    expect(importCycles(root, workspacePackageDirs(root))).toEqual([
      {
        packageDir: 'libs/a',
        files: ['src/index.ts', 'src/x.ts', 'src/y/index.ts'],
        group: ['src/index.ts', 'src/x.ts', 'src/y/index.ts'],
      },
      {
        packageDir: 'libs/a',
        files: ['src/ops/clean.ts', 'src/table.ts'],
        group: ['src/ops/clean.ts', 'src/table.ts'],
      },
      { packageDir: 'libs/a', files: ['src/self.ts'], group: ['src/self.ts'] },
    ]);
  });

  it('gives the shortest cycle through the first file of a larger group', () => {
    const root = tree({
      'libs/a/package.json': '{ "name": "a" }',
      'libs/a/src/a.ts': "import './b';\nimport './d';\n",
      'libs/a/src/b.ts': "import './c';\n",
      'libs/a/src/c.ts': "import './a';\n",
      'libs/a/src/d.ts': "import './a';\n",
    });
    expect(importCycles(root, ['libs/a'])).toEqual([
      {
        packageDir: 'libs/a',
        files: ['src/a.ts', 'src/d.ts'],
        group: ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts'],
      },
    ]);
  });

  it('no package of the repository has an import cycle', () => {
    const dirs = workspacePackageDirs(ROOT);
    expect(dirs).toEqual(expect.arrayContaining(['libs/hudi', 'libs/cdc', 'apps/orchestrator']));
    const cycles = importCycles(ROOT, dirs).map(
      (cycle) =>
        `${cycle.packageDir}: ${[...cycle.files, cycle.files[0]].join(' -> ')} (group: ${cycle.group.join(', ')})`,
    );
    expect(cycles).toEqual([]);
  });
});
