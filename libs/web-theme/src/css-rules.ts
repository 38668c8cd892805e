import fs from 'node:fs';
import path from 'node:path';

/** The shared stylesheet's file (what the apps import as '@autocorp/web-theme/theme.css'). */
export const THEME_CSS_FILE = path.resolve(import.meta.dirname, '..', 'theme.css');

/** One rule of a stylesheet: its selector (inside its @media, if any) and its declarations, whitespace normalised. */
export interface CssRule {
  readonly selector: string;
  readonly media: string | null;
  readonly declarations: readonly string[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The rules of a plain stylesheet (comments dropped; one level of @media). */
export function cssRules(text: string): CssRule[] {
  const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  const collect = (body: string, media: string | null) => {
    for (const match of body.matchAll(/([^{}]+)\{([^{}]*)\}/g))
      rules.push({
        selector: normalise(match[1] as string),
        media,
        declarations: (match[2] as string)
          .split(';')
          .map(normalise)
          .filter((d) => d !== ''),
      });
  };
  let rest = css;
  for (const block of css.matchAll(/@media([^{]+)\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)) {
    collect(block[2] as string, normalise(block[1] as string));
    rest = rest.replace(block[0], '');
  }
  collect(rest, null);
  return rules;
}

/** The custom properties (--name) a stylesheet's rules set, per media (null: outside any @media). */
export function customProperties(rules: readonly CssRule[], media: string | null): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const rule of rules)
    if (rule.media === media)
      for (const d of rule.declarations) {
        const match = /^(--[\w-]+)\s*:\s*(.+)$/.exec(d);
        if (match) tokens.set(match[1] as string, match[2] as string);
      }
  return tokens;
}

/** The shared theme's rules. */
export function themeRules(): CssRule[] {
  return cssRules(fs.readFileSync(THEME_CSS_FILE, 'utf8'));
}
