import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every import specifier of the TypeScript files under `folder`. */
function importsUnder(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of fs.readdirSync(folder, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts')) continue;
    const code = fs.readFileSync(path.join(folder, file), 'utf8');
    found.set(
      file,
      [...code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'/gm)].map((m) => m[1] as string),
    );
  }
  return found;
}

describe('the client entry is browser-safe', () => {
  it('imports zod, @autocorp/progress (which imports nothing) and its own modules only: no node: module', () => {
    const client = importsUnder(path.join(ROOT, 'platform-client', 'src'));
    expect([...client.values()].flat()).toContain('zod');
    for (const [file, specifiers] of client)
      for (const specifier of specifiers)
        expect(
          ['zod', '@autocorp/progress'].includes(specifier) || specifier.startsWith('.'),
          `${file}: ${specifier}`,
        ).toBe(true);
    for (const [file, specifiers] of importsUnder(path.join(ROOT, 'progress', 'src')))
      for (const specifier of specifiers)
        expect(specifier.startsWith('.'), `progress/${file}: ${specifier}`).toBe(true);
  });
});
