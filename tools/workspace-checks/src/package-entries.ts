import fs from 'node:fs';
import path from 'node:path';

interface PackageJson {
  readonly exports?: unknown;
  readonly types?: string;
  readonly main?: string;
  readonly bin?: string | Record<string, string>;
}

/** Every file path a package.json names as an entry: exports (all conditions), types, main, bin. */
export function packageEntryPaths(manifest: PackageJson): string[] {
  const paths: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
  };
  collect(manifest.exports);
  collect(manifest.types);
  collect(manifest.main);
  collect(manifest.bin);
  return paths;
}

export interface MissingEntry {
  readonly packageDir: string;
  readonly entry: string;
}

/** Entries of the packages in `packageDirs` (relative to `root`) that name a file that is not there. */
export function missingPackageEntries(root: string, packageDirs: readonly string[]): MissingEntry[] {
  return packageDirs.flatMap((packageDir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, packageDir, 'package.json'), 'utf8')) as PackageJson;
    return packageEntryPaths(manifest)
      .filter((entry) => !entry.includes('*') && !fs.existsSync(path.join(root, packageDir, entry)))
      .map((entry) => ({ packageDir, entry }));
  });
}
