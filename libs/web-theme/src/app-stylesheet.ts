import fs from 'node:fs';
import path from 'node:path';
import { customProperties, cssRules, themeRules } from './css-rules';

const THEME_IMPORT = "import '@autocorp/web-theme/theme.css';";
const OWN_IMPORT = "import './globals.css';";

/**
 * What an app's stylesheet does against the shared theme, as problems (none when it keeps only its
 * layout): its root layout (`<appDir>/layout.tsx`) must import the theme before `./globals.css`, and
 * `globals.css` may neither set a colour token nor repeat a declaration the theme already makes.
 */
export function appStylesheetProblems(appDir: string): string[] {
  const problems: string[] = [];
  const layout = fs.readFileSync(path.join(appDir, 'layout.tsx'), 'utf8');
  const theme = layout.indexOf(THEME_IMPORT);
  if (theme < 0) problems.push(`layout.tsx does not ${THEME_IMPORT}`);
  else if (layout.indexOf(OWN_IMPORT) < theme) problems.push(`layout.tsx must ${OWN_IMPORT} after the theme`);
  const own = cssRules(fs.readFileSync(path.join(appDir, 'globals.css'), 'utf8'));
  for (const media of new Set(own.map((r) => r.media)))
    for (const name of customProperties(own, media).keys())
      problems.push(`globals.css sets the token ${name}${media ? ` in @media ${media}` : ''}`);
  const shared = themeRules();
  for (const rule of own) {
    const same = shared.find((t) => t.selector === rule.selector && t.media === rule.media);
    for (const d of same ? rule.declarations.filter((x) => same.declarations.includes(x)) : [])
      problems.push(`globals.css repeats the theme's ${rule.selector} { ${d} }`);
  }
  return problems;
}
