// Flat ESLint config for every project. Module boundaries are enforced by tags
// (package.json "nx.tags"): libraries never import apps, apps never import apps.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

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
];
