import fs from 'node:fs';
import path from 'node:path';
import { textFiles } from './workspace-files';

/** Ways a package runs TypeScript through tsx: node's --import of it, a `tsx <file>` command, its API. */
const TSX_USE = [
  /['"]--import['"]\s*,\s*['"]tsx['"]/,
  /--import[= ]tsx\b/,
  /(^|[\s"'])(npx )?tsx [\w./-]+\.ts\b/,
  /from ['"]tsx\//,
];

interface PackageJson {
  readonly name?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

export interface UndeclaredTsx {
  /** The package folder, relative to the root. */
  readonly packageDir: string;
  /** The first file (relative to the package) that uses tsx. */
  readonly usedIn: string;
}

/** Workspace packages (folders under `root` with a package.json) that use tsx without declaring it. */
export function undeclaredTsxUsers(root: string, packageDirs: readonly string[]): UndeclaredTsx[] {
  const problems: UndeclaredTsx[] = [];
  for (const packageDir of packageDirs) {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, packageDir, 'package.json'), 'utf8')) as PackageJson;
    if (manifest.dependencies?.tsx || manifest.devDependencies?.tsx) continue;
    const user = textFiles(path.join(root, packageDir), ['.']).find((file) =>
      TSX_USE.some((pattern) => pattern.test(file.text)),
    );
    if (user) problems.push({ packageDir, usedIn: user.relativePath.replace(/^\.\//, '') });
  }
  return problems;
}
