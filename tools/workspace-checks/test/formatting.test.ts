import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unformattedFiles } from '../src/formatting';
import { useScratchTrees } from './support/scratch-tree';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tree = useScratchTrees();

describe('one formatter for the whole repository (Prettier, width 120)', () => {
  it('names a source file the formatter would change, and passes a formatted one', () => {
    const root = tree({
      'libs/a/src/long.ts': `export const values = [${Array.from({ length: 40 }, (_, i) => `'value-${i}'`).join(', ')}];\n`,
      'libs/a/src/quoted.ts': 'export const name = "double";\n',
      'libs/a/src/formatted.ts': "export const name = 'single';\n",
    });
    expect(unformattedFiles(root, ROOT).sort()).toEqual(['libs/a/src/long.ts', 'libs/a/src/quoted.ts']);
  });

  it('leaves no file of the repository unformatted (run `npm run format`)', () => {
    expect(unformattedFiles(ROOT, ROOT)).toEqual([]);
  });
});
