import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageScopes } from '../src/package-map';
import { workspacePackageDirs } from '../src/workspace-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const RULE = '@nx/enforce-module-boundaries';
const config = (await import(pathToFileURL(path.join(ROOT, 'eslint.config.mjs')).href)) as {
  SCOPE_DEPENDENCIES: Record<string, string[]>;
  TEST_SCOPE_DEPENDENCIES: Record<string, string[]>;
};
const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors of `source` linted as if it were the file named (the rule runs on the real project graph and tags). */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const importOf = (packageName: string) => `import * as target from '${packageName}';\nexport const x = target;\n`;
const dirs = workspacePackageDirs(ROOT);
const scopes = packageScopes(ROOT, dirs);
interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifests = new Map(
  dirs.map((dir) => [dir, JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as Manifest]),
);
const packageName = (dir: string) => (manifests.get(dir) as Manifest).name;
const isLibrary = (dir: string) => dir.startsWith('libs/');

/** Whether `from` depends on `to`, directly or through other packages (dev dependencies too: an import back would be a cycle). */
function dependsOn(from: string, to: string, seen = new Set<string>()): boolean {
  const manifest = manifests.get(from) as Manifest;
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const next = dirs.filter((dir) => names.includes(packageName(dir)) && !seen.has(dir));
  next.forEach((dir) => seen.add(dir));
  return next.includes(to) || next.some((dir) => dependsOn(dir, to, seen));
}

describe('each scope imports only the scopes docs/architecture.md allows', () => {
  it('gives every project exactly one scope, one the lint rule constrains', () => {
    for (const dir of dirs) {
      expect(scopes.get(dir), dir).toHaveLength(1);
      expect(Object.keys(config.SCOPE_DEPENDENCIES), dir).toContain(scopes.get(dir)?.[0]);
    }
  });

  it('refuses ingestion code importing ETL, ETL code importing the query layer or ingestion, query tests importing ingestion', async () => {
    expect((await boundaryErrors('libs/cdc/src/uses-hudi.ts', importOf('@autocorp/hudi'))).join('\n')).toContain(
      'scope:ingestion',
    );
    expect(
      (await boundaryErrors('libs/etl-jobs/src/uses-catalog.ts', importOf('@autocorp/catalog'))).join('\n'),
    ).toContain('scope:etl');
    expect(
      (await boundaryErrors('libs/etl/src/uses-transfer.ts', importOf('@autocorp/csv-transfer'))).join('\n'),
    ).toContain('scope:etl');
    expect(
      (await boundaryErrors('libs/query/test/uses-generator.test.ts', importOf('@autocorp/generator'))).join('\n'),
    ).toContain('scope:query');
    expect((await boundaryErrors('infra/src/uses-cdc.ts', importOf('@autocorp/cdc'))).join('\n')).toContain(
      'scope:infra',
    );
  });

  it('accepts ETL tests and benchmarks landing their input with the ingestion libraries, and the end-to-end tests importing every stage', async () => {
    expect(await boundaryErrors('libs/etl/test/lands-exports.test.ts', importOf('@autocorp/csv-transfer'))).toEqual([]);
    expect(await boundaryErrors('libs/etl/bench/lands-exports.ts', importOf('@autocorp/generator'))).toEqual([]);
    expect(await boundaryErrors('libs/query/src/reads-hudi.ts', importOf('@autocorp/hudi'))).toEqual([]);
    expect(await boundaryErrors('e2e/pipeline/test/every-stage.test.ts', importOf('@autocorp/cdc'))).toEqual([]);
  });

  // Every pair of scopes, with a real project of each: an import from source code is refused exactly when the map leaves it out.
  it('for every scope and every library scope, lint refuses exactly the imports the scope map leaves out', async () => {
    const libraryScopes = [...new Set(dirs.filter(isLibrary).map((dir) => scopes.get(dir)?.[0] as string))].sort();
    expect(libraryScopes).toEqual(['assistant', 'etl', 'ingestion', 'query', 'shared']);
    for (const [scope, allowed] of Object.entries(config.SCOPE_DEPENDENCIES)) {
      const sources = dirs.filter((dir) => scopes.get(dir)?.[0] === scope);
      expect(sources.length, `projects of scope:${scope}`).toBeGreaterThan(0);
      for (const targetScope of libraryScopes) {
        // A project of the scope and a library of the target scope that does not depend on it (an import back would be refused as a cycle).
        const pairs = sources.flatMap((source) =>
          dirs
            .filter(
              (dir) =>
                isLibrary(dir) && scopes.get(dir)?.[0] === targetScope && dir !== source && !dependsOn(dir, source),
            )
            .map((target) => [source, target] as const),
        );
        // No pair: every library of the target scope is the source itself or depends on it (scope:assistant
        // is one library on top of query), so such an import would be a cycle, which the graph refuses anyway.
        if (pairs.length === 0) {
          const targets = dirs.filter((dir) => isLibrary(dir) && scopes.get(dir)?.[0] === targetScope);
          for (const source of sources)
            for (const target of targets)
              expect(target === source || dependsOn(target, source), `${target} depends on ${source}`).toBe(true);
          continue;
        }
        expect(
          pairs.length,
          `a library of scope:${targetScope} that a project of scope:${scope} may import without a cycle`,
        ).toBeGreaterThan(0);
        const [source, target] = pairs[0] as readonly [string, string];
        const label = `${scope} -> ${targetScope} (${source} imports ${target})`;
        const errors = await boundaryErrors(`${source}/src/check-scope.ts`, importOf(packageName(target)));
        if (allowed.includes(targetScope)) expect(errors, label).toEqual([]);
        else expect(errors.join('\n'), label).toContain(`scope:${scope}`);
      }
    }
  });
}, 300_000);
