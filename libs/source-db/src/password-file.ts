import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';

/**
 * The embedded server's superuser password: generated once, kept in `file` with mode 0600,
 * and read back on later runs.
 */
export async function loadOrCreatePassword(file: string): Promise<string> {
  const existing = await readPassword(file);
  if (existing !== undefined) return existing;
  const password = randomBytes(24).toString('base64url');
  try {
    // 'wx' so that two processes starting at once agree on one password; an empty file left by
    // an interrupted write is replaced.
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: (await isEmptyFile(file)) ? 'w' : 'wx' });
    return password;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    const raced = await readPassword(file);
    if (raced === undefined) throw cause;
    return raced;
  }
}

async function readPassword(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
    const password = (await readFile(file, 'utf8')).trim();
    return password === '' ? undefined : password;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

async function isEmptyFile(file: string): Promise<boolean> {
  try {
    return (await readFile(file, 'utf8')).trim() === '';
  } catch {
    return false;
  }
}
