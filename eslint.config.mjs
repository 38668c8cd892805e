// Flat ESLint config for every project. Module boundaries are enforced by tags
// (package.json "nx.tags"): libraries never import apps, apps never import apps, and each scope
// imports only the scopes docs/architecture.md ("Package map") allows.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The scopes each scope's code may import (its own scope is listed where it may import itself).
 * The data flows shared -> ingestion -> etl -> query; apps, the end-to-end tests and tools sit on top.
 */
export const SCOPE_DEPENDENCIES = {
  shared: ['shared'],
  ingestion: ['ingestion', 'shared'],
  etl: ['etl', 'shared'],
  query: ['query', 'etl', 'shared'],
  orchestrator: ['ingestion', 'etl', 'query', 'shared'],
  e2e: ['ingestion', 'etl', 'query', 'shared'],
  infra: ['etl', 'query', 'shared'],
  tools: ['ingestion', 'etl', 'query', 'shared', 'infra'],
};

/**
 * What a scope's tests, benchmarks and test helpers may import besides: the stages upstream that
 * make their input (etl's tests land generated CSV exports with the transfer and CDC).
 */
export const TEST_SCOPE_DEPENDENCIES = {
  etl: ['ingestion'],
};

/** Files that only tests and benchmarks load. */
export const TEST_FILES = ['**/test/**/*.ts', '**/*.test.ts', 'libs/*/bench/**/*.ts', '**/*.bench.ts', 'libs/*/testing/**/*.ts'];

const TYPE_CONSTRAINTS = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:infra'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib'] },
];

function boundaries(extra) {
  const scopeConstraints = Object.entries(SCOPE_DEPENDENCIES).map(([scope, allowed]) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [...allowed, ...(extra[scope] ?? [])].map((s) => `scope:${s}`),
  }));
  return ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: [...TYPE_CONSTRAINTS, ...scopeConstraints] }];
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**', '**/.autocorp/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries({}),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries(TEST_SCOPE_DEPENDENCIES) },
  },
];
