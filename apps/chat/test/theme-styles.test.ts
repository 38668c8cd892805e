/** The app's own stylesheet keeps only its layout: the colour tokens and base rules come from @autocorp/web-theme. */
import fs from 'node:fs';
import path from 'node:path';
import { cssRules, customProperties, themeRules } from '@autocorp/web-theme';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(import.meta.dirname, '..', 'src', 'app');
const own = cssRules(fs.readFileSync(path.join(APP, 'globals.css'), 'utf8'));

describe('chat styles', () => {
  it('import the shared theme before their own stylesheet', () => {
    const layout = fs.readFileSync(path.join(APP, 'layout.tsx'), 'utf8');
    const theme = layout.indexOf("import '@autocorp/web-theme/theme.css';");
    expect(theme).toBeGreaterThanOrEqual(0);
    expect(layout.indexOf("import './globals.css';")).toBeGreaterThan(theme);
  });

  it('set no colour token of their own and repeat no declaration of the theme', () => {
    const theme = themeRules();
    for (const media of new Set(own.map((r) => r.media))) expect(customProperties(own, media)).toEqual(new Map());
    const repeated = own.flatMap((rule) => {
      const same = theme.find((t) => t.selector === rule.selector && t.media === rule.media);
      return same
        ? rule.declarations.filter((d) => same.declarations.includes(d)).map((d) => `${rule.selector} { ${d} }`)
        : [];
    });
    expect(repeated).toEqual([]);
  });
});
