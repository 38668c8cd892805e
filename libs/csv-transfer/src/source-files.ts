import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TransferError } from './transfer-error';

/**
 * What a file in the source folder is:
 * - `csv`: a `.csv` file, data of the table named by the file (`customers.csv` -> `customers`);
 * - `manifest`: a non-CSV file whose name contains "manifest" (the generator's description of an
 *   export): not data, so it is carried as metadata under `state/transfer/csv/source-manifests/`;
 * - `other`: anything else (hidden files, notes): left alone and recorded as ignored.
 */
export type SourceKind = 'csv' | 'manifest' | 'other';

export interface SourceFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly kind: SourceKind;
  /** The table, for `csv` files. */
  readonly table?: string;
}

function classify(name: string): { kind: SourceKind; table?: string } {
  if (name.startsWith('.')) return { kind: 'other' };
  if (/\.csv$/i.test(name) && name.length > 4) return { kind: 'csv', table: name.slice(0, -4) };
  if (/manifest/i.test(name)) return { kind: 'manifest' };
  return { kind: 'other' };
}

/** The regular files at the top of `dir`, by name. Sub-folders are not descended into. */
export async function listSourceFiles(dir: string): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new TransferError(
      'source-missing',
      `The CSV source folder ${dir} cannot be read (${(error as Error).message}). Generate the CSV files first or pass the right folder.`,
      {
        cause: error,
      },
    );
  }
  const files: SourceFile[] = [];
  for (const name of names.sort()) {
    const filePath = path.join(dir, name);
    const stats = await stat(filePath).catch(() => undefined);
    if (!stats?.isFile()) continue;
    files.push({ name, path: filePath, size: stats.size, ...classify(name) });
  }
  return files;
}
