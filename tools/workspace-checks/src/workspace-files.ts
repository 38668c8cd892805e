import fs from 'node:fs';
import path from 'node:path';

/** Folders that hold installed or generated files, never the repository's own text (.next and out: Next.js builds). */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'cdk.out',
  '.nx',
  'coverage',
  '.autocorp',
  '.git',
  '.next',
  'out',
]);

/** A text file of the tree, with its path relative to the root (forward slashes). */
export interface TextFile {
  readonly relativePath: string;
  readonly text: string;
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/** The text files under `entries` (files or folders, relative to `root`); missing entries are skipped. */
export function textFiles(root: string, entries: readonly string[]): TextFile[] {
  const files: TextFile[] = [];
  const visit = (relativePath: string): void => {
    const full = path.join(root, relativePath);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort())
        if (!SKIPPED_FOLDERS.has(name)) visit(path.posix.join(relativePath, name));
      return;
    }
    const content = fs.readFileSync(full);
    if (!isBinary(content)) files.push({ relativePath, text: content.toString('utf8') });
  };
  for (const entry of entries) visit(entry);
  return files;
}

/** The folders whose sub-folders are workspace packages (package.json "workspaces", besides infra). */
export const PACKAGE_PARENT_FOLDERS: readonly string[] = ['apps', 'libs', 'tools', 'e2e'];

/** The workspace package folders: apps/*, libs/*, tools/*, e2e/* and infra, where a package.json is. */
export function workspacePackageDirs(root: string): string[] {
  const nested = PACKAGE_PARENT_FOLDERS.flatMap((top) =>
    fs.existsSync(path.join(root, top))
      ? fs
          .readdirSync(path.join(root, top))
          .sort()
          .map((name) => `${top}/${name}`)
      : [],
  );
  return [...nested, 'infra'].filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
}
