import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The files the formatter owns: every TypeScript and JavaScript source (its ignore file leaves out the rest). */
export const FORMATTED_FILES = '**/*.{ts,tsx,mjs,js}';

/**
 * The files under `root` that Prettier would change, with the repository's own Prettier, configuration and
 * ignore file (`configRoot`). Empty when everything is formatted (`npm run format` writes them).
 */
export function unformattedFiles(root: string, configRoot: string): string[] {
  const prettier = path.join(configRoot, 'node_modules', '.bin', 'prettier');
  const args = [
    '--list-different',
    '--config',
    path.join(configRoot, '.prettierrc.json'),
    '--ignore-path',
    path.join(configRoot, '.prettierignore'),
    FORMATTED_FILES,
  ];
  try {
    execFileSync(prettier, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return [];
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    // Prettier exits 1 when it lists files, 2 when it could not run.
    if (failed.status !== 1) throw new Error(`prettier failed in ${root}: ${failed.stderr ?? ''}`, { cause: error });
    return (failed.stdout ?? '').split('\n').filter((line) => line.trim() !== '');
  }
}
