import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { textFiles, workspacePackageDirs } from '../src/workspace-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const { PROGRESS_DRAWING } = (await import(pathToFileURL(path.join(ROOT, 'eslint.config.mjs')).href)) as {
  PROGRESS_DRAWING: readonly string[];
};

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The names `import { ... } from '@autocorp/terminal'` brings into a file. */
function terminalImports(text: string): string[] {
  return [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@autocorp\/terminal'/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      )
      .filter((n) => n !== ''),
  );
}

// Libraries report progress (onProgress events); only apps (and tools run as programs, like the bench) draw it (docs/architecture.md).
describe('only apps draw progress', () => {
  it('names every progress export of libs/terminal in the lint rule', () => {
    const exported = ['progress.ts', 'progress-drawer.ts'].flatMap((file) => [
      ...fs
        .readFileSync(path.join(ROOT, 'libs/terminal/src', file), 'utf8')
        .matchAll(/^export (?:function|interface|type|const) (\w+)/gm),
    ]);
    const names = exported.map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(PROGRESS_DRAWING, name).toContain(name);
  });

  it('refuses each drawing import in a library and accepts it in an app', async () => {
    for (const name of PROGRESS_DRAWING) {
      const source = `import { ${name} } from '@autocorp/terminal';\nexport const x = ${name};\n`;
      expect(await restrictedImports('libs/etl/src/draws.ts', source), name).toHaveLength(1);
      expect(await restrictedImports('apps/orchestrator/src/draws.ts', source), name).toEqual([]);
    }
    expect(
      await restrictedImports(
        'libs/etl/src/formats.ts',
        "import { formatCount } from '@autocorp/terminal';\nexport const x = formatCount;\n",
      ),
    ).toEqual([]);
  });

  it('finds no library importing a drawing export today', () => {
    const dirs = workspacePackageDirs(ROOT).filter((dir) => dir.startsWith('libs/') && dir !== 'libs/terminal');
    expect(dirs).toContain('libs/cdc');
    const offenders = textFiles(ROOT, dirs)
      .filter((f) => f.relativePath.endsWith('.ts'))
      .flatMap((f) =>
        terminalImports(f.text)
          .filter((n) => PROGRESS_DRAWING.includes(n))
          .map((n) => `${f.relativePath}: ${n}`),
      );
    expect(offenders).toEqual([]);
  });
}, 120_000);
