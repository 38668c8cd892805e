import { describe, expect, it } from 'vitest';
import { customProperties, cssRules, themeRules } from '../src/index';

const DARK = '(prefers-color-scheme: dark)';

describe('the shared theme', () => {
  it('gives every colour token a dark value, and sets no dark token the light theme lacks', () => {
    const rules = themeRules();
    const light = customProperties(rules, null);
    const dark = customProperties(rules, DARK);
    expect(light.size).toBeGreaterThan(10);
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it('reads rules inside and outside @media, comments dropped', () => {
    const rules = cssRules('/* a */ a { color: red; }\n@media (x) { b { --t: 1; } c{d:e} }\n.f { g: h }');
    expect(rules).toEqual([
      { selector: 'b', media: '(x)', declarations: ['--t: 1'] },
      { selector: 'c', media: '(x)', declarations: ['d:e'] },
      { selector: 'a', media: null, declarations: ['color: red'] },
      { selector: '.f', media: null, declarations: ['g: h'] },
    ]);
  });
});
