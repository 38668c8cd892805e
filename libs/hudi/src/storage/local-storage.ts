import { constants } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { HudiError } from '../hudi-error';
import type { Storage, StorageEntry } from './storage';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Storage on the local file system; writes are fsynced and renamed into place. */
export class LocalStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  locate(path: string): string {
    return path === '' ? this.root : join(this.root, path);
  }

  async list(path: string): Promise<StorageEntry[]> {
    try {
      const entries = await readdir(this.locate(path), { withFileTypes: true });
      const out: StorageEntry[] = [];
      for (const entry of entries) {
        const isDirectory = entry.isDirectory();
        const size = isDirectory ? 0 : (await stat(join(this.locate(path), entry.name))).size;
        out.push({ name: entry.name, isDirectory, size });
      }
      return out;
    } catch (error) {
      if (isMissing(error)) return [];
      throw this.failure('list', path, error);
    }
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(this.locate(path));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw this.failure('inspect', path, error);
    }
  }

  async read(path: string): Promise<Buffer> {
    try {
      return await readFile(this.locate(path));
    } catch (error) {
      throw this.failure('read', path, error);
    }
  }

  async size(path: string): Promise<number> {
    try {
      return (await stat(this.locate(path))).size;
    } catch (error) {
      throw this.failure('inspect', path, error);
    }
  }

  async writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
    const target = this.locate(path);
    const temp = join(dirname(target), `.${randomUUID()}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      await this.syncFolder(dirname(target));
    } catch (error) {
      await rm(temp, { force: true });
      throw this.failure('write', path, error);
    }
  }

  async write(path: string, data: Uint8Array | string): Promise<void> {
    const target = this.locate(path);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    } catch (error) {
      throw this.failure('write', path, error);
    }
  }

  async createExclusive(path: string, data: Uint8Array | string): Promise<boolean> {
    // The content is written to a temp file first and hard-linked into place (link fails when the target
    // exists), so the file appears with its whole content or not at all: nobody reads it empty.
    const target = this.locate(path);
    const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await link(temp, target);
      await this.syncFolder(dirname(target));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') return false;
      throw this.failure('create', path, error);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async rename(from: string, to: string): Promise<void> {
    try {
      await mkdir(dirname(this.locate(to)), { recursive: true });
      await rename(this.locate(from), this.locate(to));
    } catch (error) {
      throw this.failure('rename', from, error);
    }
  }

  async delete(path: string): Promise<boolean> {
    try {
      await unlink(this.locate(path));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw this.failure('delete', path, error);
    }
  }

  async deleteFolder(path: string): Promise<void> {
    try {
      await rm(this.locate(path), { recursive: true, force: true });
    } catch (error) {
      throw this.failure('delete', path, error);
    }
  }

  async makeFolder(path: string): Promise<void> {
    try {
      await mkdir(this.locate(path), { recursive: true });
    } catch (error) {
      throw this.failure('create folder', path, error);
    }
  }

  private async syncFolder(folder: string): Promise<void> {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private failure(action: string, path: string, error: unknown): HudiError {
    const reason = error instanceof Error ? error.message : String(error);
    return new HudiError(
      'storage',
      `Could not ${action} ${this.locate(path)}: ${reason}. Check that the path exists and is writable.`,
      {
        cause: error,
      },
    );
  }
}
