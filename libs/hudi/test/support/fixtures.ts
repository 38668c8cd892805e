import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUDI_FIXTURES, unzip } from '../../testing/index';

/** Folder holding the Spark-written sample tables (read-only). */
export const FIXTURES = HUDI_FIXTURES;

export type FixtureName =
  | 'v6_nonpartitioned'
  | 'v6_simplekeygen_nonhivestyle'
  | 'v6_complexkeygen_hivestyle'
  | 'v6_simplekeygen_nonhivestyle_overwritetable'
  | 'v6_empty';

/** A scratch folder under the OS temp folder, removed by the returned cleanup. */
export async function scratch(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `hudi-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Unzips a fixture into `dir` and returns the table base path. */
export async function extractFixture(name: FixtureName, dir: string): Promise<string> {
  await unzip(join(FIXTURES, `cow_${name}.zip`), dir);
  return join(dir, name);
}
