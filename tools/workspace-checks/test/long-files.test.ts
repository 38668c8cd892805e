import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LOGIC_LINES, headerComment, logicLines, unexplainedLongFiles } from '../src/long-files';
import { PACKAGE_PARENT_FOLDERS } from '../src/workspace-files';
import { useScratchTrees } from './support/scratch-tree';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tree = useScratchTrees();

/** `count` lines of code, each its own statement. */
const code = (count: number, prefix = 'v') =>
  Array.from({ length: count }, (_, i) => `export const ${prefix}${i} = ${i};`).join('\n');
/** `count` lines that hold no code: blank lines, line comments and block comments. */
const noCode = (count: number) =>
  Array.from({ length: count }, (_, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? `// note ${i}` : `/* block ${i} */`)).join(
    '\n',
  );
const REASON =
  '/**\n * The decoder. Longer than 300 lines because every message kind of the protocol is one case of one switch.\n */\n';

describe('files over 300 lines of logic carry a reason in their header', () => {
  it('counts lines that hold code, a multi-line string on each of its lines, and not blank or comment-only lines', () => {
    const text = [
      '#!/usr/bin/env node',
      '/** Header. */',
      "import fs from 'node:fs';",
      '',
      '// a comment',
      '/* a block',
      '   comment */',
      "const url = 's3://bucket/key'; // code with a comment",
      'const sql = `SELECT 1',
      '  FROM t',
      '  -- not a TS comment`;',
      'const re = /\\/\\/ not a comment/;',
      '/** Doc of f. */',
      'export function f() {',
      '  return [url, sql, re, fs];',
      '}',
    ].join('\n');
    // import, url, the 3 lines of sql, re, function, return, closing brace
    expect(logicLines(text)).toBe(9);
    expect(headerComment(text)).toBe('/** Header. */');
  });

  it('names source files over the limit without a reason, not tests, not files with a reason, not long files of comments', () => {
    const root = tree({
      'libs/a/src/long.ts': code(MAX_LOGIC_LINES + 1),
      'libs/a/src/at-limit.ts': code(MAX_LOGIC_LINES),
      'libs/a/src/commented.ts': `${noCode(200)}\n${code(MAX_LOGIC_LINES - 10)}\n${noCode(200)}`,
      'libs/a/src/explained.ts': `${REASON}${code(MAX_LOGIC_LINES + 50)}`,
      'libs/a/src/reason-further-down.ts': `${code(5, 'w')}\n${REASON}${code(MAX_LOGIC_LINES + 50)}`,
      'libs/a/src/empty-reason.ts': `// Longer than 300 lines because\n${code(MAX_LOGIC_LINES + 1)}`,
      'libs/a/test/long.test.ts': code(MAX_LOGIC_LINES + 100),
      'libs/a/test/support/fixture.ts': code(MAX_LOGIC_LINES + 100),
      'libs/a/src/parser.test.ts': code(MAX_LOGIC_LINES + 100),
      'libs/a/node_modules/dep/index.ts': code(MAX_LOGIC_LINES + 100),
      'tools/b/bench/case.ts': code(MAX_LOGIC_LINES + 2),
    });
    expect(unexplainedLongFiles(root, ['libs', 'tools'])).toEqual([
      { file: 'libs/a/src/empty-reason.ts', logicLines: MAX_LOGIC_LINES + 1 },
      { file: 'libs/a/src/long.ts', logicLines: MAX_LOGIC_LINES + 1 },
      { file: 'libs/a/src/reason-further-down.ts', logicLines: MAX_LOGIC_LINES + 55 },
      { file: 'tools/b/bench/case.ts', logicLines: MAX_LOGIC_LINES + 2 },
    ]);
  });

  it('no source file of the repository is over the limit without a reason', () => {
    expect(unexplainedLongFiles(ROOT, [...PACKAGE_PARENT_FOLDERS, 'infra'])).toEqual([]);
  });
});
