import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreatePassword } from '../src/password-file';
import { makeTmpFolder } from './helpers';

let folder: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  folder = await makeTmpFolder('autocorp-source-db-pw');
});

afterAll(async () => {
  await folder?.remove();
});

describe('loadOrCreatePassword', () => {
  it('generates a password once, mode 0600, and returns the same one later', async () => {
    const file = path.join(folder.path, 'password');
    const first = await loadOrCreatePassword(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreatePassword(file)).toBe(first);
    const again = await Promise.all([loadOrCreatePassword(file), loadOrCreatePassword(file)]);
    expect(again).toEqual([first, first]);
  });

  it('tightens a file readable by others to 0600', async () => {
    const file = path.join(folder.path, 'loose');
    await writeFile(file, 'kept-secret\n', { mode: 0o644 });
    expect(await loadOrCreatePassword(file)).toBe('kept-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces an empty file with a new password', async () => {
    const file = path.join(folder.path, 'empty');
    await writeFile(file, '\n', { mode: 0o600 });
    const password = await loadOrCreatePassword(file);
    expect(password.length).toBe(32);
    expect((await readFile(file, 'utf8')).trim()).toBe(password);
  });

  it('agrees on one password when several callers create it at once', async () => {
    const file = path.join(folder.path, 'raced');
    const passwords = await Promise.all([1, 2, 3, 4].map(() => loadOrCreatePassword(file)));
    expect(new Set(passwords).size).toBe(1);
    expect((await readFile(file, 'utf8')).trim()).toBe(passwords[0]);
  });
});
