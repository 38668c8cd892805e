import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzip } from './unzip';

export { unzip } from './unzip';

/**
 * Folder holding the Spark-written sample tables committed with the repository (`fixtures/`, see its README
 * for their expected contents and its NOTICE for origin and licence). For tests: `@autocorp/hudi/testing`
 * is not part of the engine.
 */
export const HUDI_FIXTURES = resolve(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

/** Unzips fixture `<name>.zip` and moves its table folder to `target` (a folder that must not exist yet). */
export async function installHudiFixture(name: string, target: string): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'hudi-fixture-'));
  try {
    await unzip(join(HUDI_FIXTURES, `${name}.zip`), scratch);
    const folder = (await readdir(scratch)).find((f) => !f.startsWith('.'));
    if (!folder) throw new Error(`Fixture ${name}.zip holds no table folder.`);
    await mkdir(dirname(target), { recursive: true });
    await cp(join(scratch, folder), target, { recursive: true });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
