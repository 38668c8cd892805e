import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RESERVED_META_SEGMENT, RESERVED_TEMP_PREFIX, compareKeys } from '../keys';
import { isAbsent } from './fs-errors';

interface Entry {
  readonly name: string;
  readonly isDirectory: boolean;
  /** The name as it sorts among full keys: folders sort as "name/". */
  readonly sortName: string;
}

async function readEntries(root: string, relativeDir: string): Promise<Entry[]> {
  const dir = path.join(root, relativeDir);
  let dirents;
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isAbsent(error)) return [];
    throw error;
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith(RESERVED_TEMP_PREFIX)) continue;
    if (relativeDir === '' && dirent.name === RESERVED_META_SEGMENT) continue;
    let isDirectory = dirent.isDirectory();
    if (dirent.isSymbolicLink()) {
      const target = await stat(path.join(dir, dirent.name)).catch(() => undefined);
      if (target === undefined) continue;
      isDirectory = target.isDirectory();
    } else if (!isDirectory && !dirent.isFile()) {
      continue;
    }
    entries.push({ name: dirent.name, isDirectory, sortName: isDirectory ? `${dirent.name}/` : dirent.name });
  }
  return entries.sort((a, b) => compareKeys(a.sortName, b.sortName));
}

/**
 * Yields every file key under `root` that starts with `prefix`, in UTF-8 byte order of the key,
 * reading one folder at a time. Temporary files and the metadata folder are never yielded.
 */
export async function* walkKeys(root: string, prefix: string): AsyncGenerator<string> {
  const start = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  async function* visit(relativeDir: string): AsyncGenerator<string> {
    for (const entry of await readEntries(root, relativeDir)) {
      const key = relativeDir + entry.name;
      if (entry.isDirectory) {
        const folder = `${key}/`;
        if (folder.startsWith(prefix) || prefix.startsWith(folder)) yield* visit(folder);
      } else if (key.startsWith(prefix)) {
        yield key;
      }
    }
  }
  yield* visit(start);
}
