import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { textFiles } from '../src/workspace-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const ZONES = ['raw', 'curated', 'processed', 'state'];

async function ruleMessages(file: string, source: string, rule: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

// Each zone spelled as a plain string and as the head of a template literal.
const KEY_LITERALS = ZONES.map(
  (zone, i) => `export const plain${i} = '${zone}/t/';\nexport const built${i} = \`${zone}/\${String(${i})}/\`;\n`,
).join('');

describe('the lake layout has one owner, libs/lake-storage', () => {
  it('lint refuses zone key literals in every project but libs/lake-storage', async () => {
    for (const file of [
      'libs/etl/src/keys.ts',
      'libs/cdc/src/keys.ts',
      'apps/orchestrator/src/keys.ts',
      'infra/src/keys.ts',
      'libs/etl/bench/keys.ts',
    ]) {
      expect(await ruleMessages(file, KEY_LITERALS, 'no-restricted-syntax'), file).toHaveLength(ZONES.length * 2);
    }
    expect(await ruleMessages('libs/lake-storage/src/layout/keys.ts', KEY_LITERALS, 'no-restricted-syntax')).toEqual(
      [],
    );
    // Text that only mentions a zone, and keys built from the owner's constants, are fine.
    const fine =
      "const ZONES = { raw: 'x' };\nexport const text = 'the raw/ zone';\nexport const key = `${ZONES.raw}csv/`;\n";
    expect(await ruleMessages('libs/etl/src/keys.ts', fine, 'no-restricted-syntax')).toEqual([]);
  });

  it('libs/etl does not depend on libs/cdc: not declared, not imported by its sources, refused by lint', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'libs/etl/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('@autocorp/cdc');
    const importers = textFiles(ROOT, ['libs/etl/src'])
      .filter((file) => /from\s+['"]@autocorp\/cdc['"]|import\(\s*['"]@autocorp\/cdc['"]/.test(file.text))
      .map((file) => file.relativePath);
    expect(importers).toEqual([]);
    const refused = await ruleMessages(
      'libs/etl/src/uses-cdc.ts',
      "import { runCdcUntilIdle } from '@autocorp/cdc';\nexport const x = runCdcUntilIdle;\n",
      'no-restricted-imports',
    );
    expect(refused).toHaveLength(1);
  });
}, 120_000);
