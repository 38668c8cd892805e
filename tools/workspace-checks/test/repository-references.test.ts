import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKED_ENTRIES, sharedReferences } from '../src/shared-references';
import { useScratchTrees } from './support/scratch-tree';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
// The referenced folders, spelled in parts so that this file does not refer to them.
const SHARED_FOLDER = ['..', 'shared'].join('/');
const SHARED_FIXTURES = ['shared', 'fixtures'].join('/');

const tree = useScratchTrees();

// Nothing the repository runs or documents may read the shared folder beside it.
describe('no reference to a folder outside the repository', () => {
  it('finds a test, a doc and a script that refer to the shared folder, with file and line', () => {
    const root = tree({
      'libs/hudi/test/read.test.ts': `import x from 'y';\nconst dir = '${SHARED_FOLDER}/hudi';\n`,
      'docs/running.md': `# Running\n\nCopy ${SHARED_FIXTURES}/trips first.\n`,
      'package.json': `{ "scripts": { "fixtures": "cp -r ${SHARED_FOLDER} ." } }\n`,
      '.ci/run': '#!/usr/bin/env bash\nnpm test\n',
      'libs/hudi/node_modules/dep/index.js': `require('${SHARED_FOLDER}')\n`,
    });
    const found = sharedReferences(root);
    expect(found.map((r) => `${r.file}:${r.line}`).sort()).toEqual([
      'docs/running.md:3',
      'libs/hudi/test/read.test.ts:2',
      'package.json:1',
    ]);
  });

  it('finds none in a tree that keeps its fixtures inside', () => {
    const root = tree({
      'libs/hudi/testing/index.ts': "export const FIXTURES = new URL('./fixtures', import.meta.url);\n",
      'README.md': '# Fine\n',
    });
    expect(sharedReferences(root)).toEqual([]);
  });

  it('the repository refers to none (apps, libs, tools, infra, CI, docs, README, package.json)', () => {
    expect(CHECKED_ENTRIES).toEqual(
      expect.arrayContaining(['apps', 'libs', 'tools', 'infra', '.ci', 'docs', 'package.json', 'README.md']),
    );
    expect(sharedReferences(ROOT)).toEqual([]);
  });
});
