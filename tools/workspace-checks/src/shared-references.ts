import { textFiles } from './workspace-files';

/** What the repository's code, scripts, CI and docs may not refer to: a folder outside the repository. */
export const OUTSIDE_REPOSITORY_PATTERNS: readonly RegExp[] = [
  // Spelled in parts so that this file does not refer to them itself.
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(['shared', 'fixtures'].join('/')),
];

/** Where the check looks: everything the repository runs or documents. */
export const CHECKED_ENTRIES: readonly string[] = [
  'apps',
  'libs',
  'tools',
  'e2e',
  'infra',
  'scripts',
  '.ci',
  '.github',
  'docs',
  'package.json',
  'nx.json',
  'README.md',
];

export interface SharedReference {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Every line under `root` (in `entries`) that refers to the shared folder outside the repository. */
export function sharedReferences(root: string, entries: readonly string[] = CHECKED_ENTRIES): SharedReference[] {
  const found: SharedReference[] = [];
  for (const file of textFiles(root, entries)) {
    file.text.split('\n').forEach((text, index) => {
      if (OUTSIDE_REPOSITORY_PATTERNS.some((pattern) => pattern.test(text)))
        found.push({ file: file.relativePath, line: index + 1, text: text.trim() });
    });
  }
  return found;
}
