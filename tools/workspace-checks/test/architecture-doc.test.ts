import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  packageMapProblems,
  packageScopes,
  readPackageMap,
  readScopeTable,
  workspaceDependencies,
} from '../src/package-map';
import { workspacePackageDirs } from '../src/workspace-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const config = (await import(pathToFileURL(path.join(ROOT, 'eslint.config.mjs')).href)) as {
  SCOPE_DEPENDENCIES: Record<string, string[]>;
  TEST_SCOPE_DEPENDENCIES: Record<string, string[]>;
};

const MAP_DOC = [
  '# Architecture',
  '## Package map',
  '```mermaid',
  'flowchart TB',
  '  app[apps/cli<br/>the CLI]',
  '  subgraph libs',
  '    a[a]',
  '    b[b<br/>note]',
  '    c[c]',
  '  end',
  '  app --> a',
  '  a --> b & c',
  '```',
  '## Scopes',
  '| Scope | Projects | May import | Their tests may also import |',
  '| --- | --- | --- | --- |',
  '| `scope:area` | `libs/a`, `libs/b` | `scope:area`, `scope:shared` | `scope:other` |',
  '| `scope:shared` | `libs/c` | `scope:shared` | |',
  '## Next',
].join('\n');

describe('docs/architecture.md matches the code', () => {
  it('reads the package map (nodes by folder, arrows with &) and the scope table', () => {
    expect(readPackageMap(MAP_DOC)).toEqual({
      folders: ['apps/cli', 'libs/a', 'libs/b', 'libs/c'],
      edges: [
        ['apps/cli', 'libs/a'],
        ['libs/a', 'libs/b'],
        ['libs/a', 'libs/c'],
      ],
    });
    expect(readScopeTable(MAP_DOC)).toEqual([
      { scope: 'area', folders: ['libs/a', 'libs/b'], mayImport: ['area', 'shared'], testsMayAlsoImport: ['other'] },
      { scope: 'shared', folders: ['libs/c'], mayImport: ['shared'], testsMayAlsoImport: [] },
    ]);
  });

  it('names projects not drawn, arrows that are no dependency and dependencies with no path of arrows; a path stands for a dependency', () => {
    const map = readPackageMap(MAP_DOC);
    const dependencies = new Map([
      ['apps/cli', ['libs/a', 'libs/b', 'libs/d']], // b through a: fine; d: not drawn at all
      ['libs/a', ['libs/b']], // a --> c is drawn but not a dependency
      ['libs/b', ['libs/c']], // b --> c is not drawn
      ['libs/c', []],
      ['libs/d', []],
    ]);
    expect(packageMapProblems(map, dependencies)).toEqual([
      'libs/d is not drawn in the package map',
      'the package map draws libs/a --> libs/c, but libs/a does not depend on libs/c',
      'apps/cli depends on libs/d, but the package map has no path of arrows from apps/cli to libs/d',
      'libs/b depends on libs/c, but the package map has no path of arrows from libs/b to libs/c',
    ]);
  });

  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const dirs = workspacePackageDirs(ROOT);

  it('the package map draws every workspace package and exactly its dependencies (package.json "dependencies")', () => {
    expect(packageMapProblems(readPackageMap(doc), workspaceDependencies(ROOT, dirs))).toEqual([]);
  });

  it('the scope table lists each project under its scope tag and what each scope may import as the lint rule enforces it', () => {
    const rows = readScopeTable(doc);
    const scopes = packageScopes(ROOT, dirs);
    expect(Object.fromEntries(rows.map((row) => [row.scope, [...row.folders].sort()]))).toEqual(
      Object.fromEntries(
        Object.keys(config.SCOPE_DEPENDENCIES).map((scope) => [
          scope,
          dirs.filter((dir) => scopes.get(dir)?.includes(scope)).sort(),
        ]),
      ),
    );
    expect(Object.fromEntries(rows.map((row) => [row.scope, [...row.mayImport].sort()]))).toEqual(
      Object.fromEntries(
        Object.entries(config.SCOPE_DEPENDENCIES).map(([scope, allowed]) => [scope, [...allowed].sort()]),
      ),
    );
    expect(
      Object.fromEntries(
        rows
          .filter((row) => row.testsMayAlsoImport.length > 0)
          .map((row) => [row.scope, [...row.testsMayAlsoImport].sort()]),
      ),
    ).toEqual(config.TEST_SCOPE_DEPENDENCIES);
  });
});
