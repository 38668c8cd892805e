// Flat ESLint config for every project. Module boundaries are enforced by tags
// (package.json "nx.tags"): libraries never import apps, apps never import apps.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const LAKE_ZONE_PREFIX = '/^(raw|curated|processed|state)\\//';
const LAKE_KEY_MESSAGE = 'Lake keys are built by @autocorp/lake-storage (ZONES, rawDatabasePrefix, rawCsvKey, quarantineKey, stateKey, ...), not spelled out; add a builder to libs/lake-storage/src/layout/ if one is missing.';
const LAKE_KEY_LITERALS = [
  { selector: `Literal[value=${LAKE_ZONE_PREFIX}]`, message: LAKE_KEY_MESSAGE },
  { selector: `TemplateLiteral[quasis.0.value.cooked=${LAKE_ZONE_PREFIX}]`, message: LAKE_KEY_MESSAGE },
];
/** What @autocorp/terminal exports to draw progress: for apps only (see the last block). */
export const PROGRESS_DRAWING = ['createProgress', 'drawProgress', 'progressWanted', 'Progress', 'ProgressOptions', 'ProgressDrawerOptions'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**', '**/.autocorp/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:infra'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
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
              message: 'Only apps draw progress: take an `onProgress?: ProgressListener` option (@autocorp/progress) and report events; the app passes drawProgress(...).',
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
            { name: '@autocorp/cdc', message: 'libs/etl does not depend on libs/cdc: read CDC files and state through the layout of @autocorp/lake-storage.' },
            {
              name: '@autocorp/terminal',
              importNames: [...PROGRESS_DRAWING],
              message: 'Only apps draw progress: take an `onProgress?: ProgressListener` option (@autocorp/progress) and report events; the app passes drawProgress(...).',
            },
          ],
        },
      ],
    },
  },
];
