import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appStylesheetProblems, themeRules } from '../src';

describe('appStylesheetProblems', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-theme-app-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const app = (name: string, layout: string, css: string) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'layout.tsx'), layout);
    fs.writeFileSync(path.join(dir, 'globals.css'), css);
    return dir;
  };
  const imports = "import '@autocorp/web-theme/theme.css';\nimport './globals.css';\n";

  it('finds nothing in a stylesheet that keeps only its layout', () => {
    expect(appStylesheetProblems(app('clean', imports, '.page { display: grid; }'))).toEqual([]);
  });

  it('names a missing or late theme import, an own token and a repeated theme declaration', () => {
    const rule = themeRules().find((r) => r.media === null && r.declarations.length > 0);
    if (!rule) throw new Error('the theme has no plain rule to repeat');
    const repeated = rule.declarations[0] as string;
    const css = `:root { --accent: red; }\n${rule.selector} { ${repeated}; }`;
    expect(appStylesheetProblems(app('missing', "import './globals.css';\n", '')).length).toBe(1);
    expect(appStylesheetProblems(app('late', imports.split('\n').reverse().join('\n'), ''))).toEqual([
      "layout.tsx must import './globals.css'; after the theme",
    ]);
    expect(appStylesheetProblems(app('bad', imports, css))).toEqual([
      'globals.css sets the token --accent',
      `globals.css repeats the theme's ${rule.selector} { ${repeated} }`,
    ]);
  });
});
