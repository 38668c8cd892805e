// Flat ESLint config for every project. Module boundaries are enforced by tags
// (package.json "nx.tags"): libraries never import apps, apps never import apps, and each scope
// imports only the scopes docs/architecture.md ("Package map") allows.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const LAKE_ZONE_PREFIX = '/^(raw|curated|processed|state)\\//';
const LAKE_KEY_MESSAGE =
  'Lake keys are built by @autocorp/lake-storage (ZONES, rawDatabasePrefix, rawCsvKey, quarantineKey, stateKey, ...), not spelled out; add a builder to libs/lake-storage/src/layout/ if one is missing.';
const LAKE_KEY_LITERALS = [
  { selector: `Literal[value=${LAKE_ZONE_PREFIX}]`, message: LAKE_KEY_MESSAGE },
  { selector: `TemplateLiteral[quasis.0.value.cooked=${LAKE_ZONE_PREFIX}]`, message: LAKE_KEY_MESSAGE },
];
/** What @autocorp/terminal exports to draw progress: for apps only (see the last block). */
export const PROGRESS_DRAWING = [
  'createProgress',
  'drawProgress',
  'progressWanted',
  'Progress',
  'ProgressOptions',
  'ProgressDrawerOptions',
];
/**
 * The scopes each scope's code may import (its own scope is listed where it may import itself).
 * The data flows shared -> ingestion -> etl -> query; apps, the end-to-end tests and tools sit on top.
 */
export const SCOPE_DEPENDENCIES = {
  shared: ['shared'],
  ingestion: ['ingestion', 'shared'],
  etl: ['etl', 'shared'],
  query: ['query', 'etl', 'shared'],
  assistant: ['assistant', 'query', 'etl', 'shared'],
  orchestrator: ['ingestion', 'etl', 'query', 'assistant', 'shared'],
  e2e: ['ingestion', 'etl', 'query', 'assistant', 'shared'],
  infra: ['etl', 'query', 'assistant', 'shared'],
  tools: ['ingestion', 'etl', 'query', 'assistant', 'shared', 'infra'],
  web: ['shared'],
};

/**
 * What a scope's tests, benchmarks and test helpers may import besides: the stages upstream that
 * make their input (etl's tests land generated CSV exports with the transfer and CDC).
 */
export const TEST_SCOPE_DEPENDENCIES = {
  etl: ['ingestion'],
};

/** Files that only tests and benchmarks load. */
export const TEST_FILES = [
  '**/test/**/*.ts',
  '**/*.test.ts',
  'libs/*/bench/**/*.ts',
  '**/*.bench.ts',
  'libs/*/testing/**/*.ts',
];

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
  return [
    'error',
    { enforceBuildableLibDependency: false, allow: [], depConstraints: [...TYPE_CONSTRAINTS, ...scopeConstraints] },
  ];
}

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      'apps/ops-dashboard/out/**',
      'apps/chat/out/**',
      '**/cdk.out/**',
      '**/.autocorp/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
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
  // The lake's key layout has one owner, libs/lake-storage (src/layout/): everywhere else keys are built
  // with its functions, never spelled. Tests are exempt: their literal keys are the written-down layout
  // (a contract with AWS DMS, Glue and Athena) that the builders are checked against; a test that built
  // its keys with the same functions as the code could not notice the layout changing.
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/lake-storage/**', '**/test/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...LAKE_KEY_LITERALS],
    },
  },
  {
    // Libraries report progress through `onProgress` events (@autocorp/progress); only apps (and tools run as programs) draw it.
    files: ['libs/**/*.ts'],
    ignores: ['libs/terminal/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@autocorp/terminal',
              importNames: [...PROGRESS_DRAWING],
              message:
                'Only apps draw progress: take an `onProgress?: ProgressListener` option (@autocorp/progress) and report events; the app passes drawProgress(...).',
            },
          ],
        },
      ],
    },
  },
  // libs/etl reads what CDC wrote through the lake layout only; it does not depend on libs/cdc
  // (its tests and benchmarks use the real CDC to fill a lake). This block comes after the progress
  // block, so it repeats the progress-drawing restriction (a later block replaces the rule's options).
  {
    files: ['libs/etl/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@autocorp/cdc',
              message:
                'libs/etl does not depend on libs/cdc: read CDC files and state through the layout of @autocorp/lake-storage.',
            },
            {
              name: '@autocorp/terminal',
              importNames: [...PROGRESS_DRAWING],
              message:
                'Only apps draw progress: take an `onProgress?: ProgressListener` option (@autocorp/progress) and report events; the app passes drawProgress(...).',
            },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries(TEST_SCOPE_DEPENDENCIES) },
  },
];
