import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './bench-case';
import { BenchError } from './bench-error';

export const CASES_DIR = path.resolve(import.meta.dirname, '..', 'cases');

/** Loads every `cases/*.bench.ts` module; each default-exports a BenchCase. */
export async function discoverCases(dir: string = CASES_DIR): Promise<BenchCase[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const cases: BenchCase[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: BenchCase };
    if (!mod.default || typeof mod.default.run !== 'function') {
      throw new BenchError(
        'invalid-case-module',
        `${path.join(dir, file)} must default-export a BenchCase ({ name, description, run }); fix its default export.`,
      );
    }
    cases.push(mod.default);
  }
  return cases;
}
