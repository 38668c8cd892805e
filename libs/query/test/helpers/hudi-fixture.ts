import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The Spark-written Hudi sample tables (see /work/shared/fixtures/hudi/README.md), next to the repo. */
export const HUDI_FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/hudi');

/** Unzips fixture `<name>.zip` and moves its table folder to `target` (a folder that must not exist). */
export async function installHudiFixture(name: string, target: string): Promise<void> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hudi-fixture-'));
  try {
    execFileSync('python3', ['-m', 'zipfile', '-e', path.join(HUDI_FIXTURES, `${name}.zip`), scratch]);
    const folder = (await fs.readdir(scratch)).find((f) => !f.startsWith('__MACOSX') && !f.startsWith('.'));
    if (!folder) throw new Error(`Fixture ${name}.zip holds no table folder.`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.cp(path.join(scratch, folder), target, { recursive: true, filter: (src) => !src.endsWith('.DS_Store') });
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
