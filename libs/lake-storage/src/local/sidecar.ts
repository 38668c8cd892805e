import { readFile, unlink } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { writeSmallFileAtomically } from './durable-fs';

/**
 * What the local backend remembers about an object it wrote, in `.lake-meta/<key>.json`.
 * It names the data file's inode, size and mtime (ns), so a sidecar that does not describe the
 * file now in place (a crash between the two renames, or a file rewritten in place by another
 * program) is recognised and ignored instead of trusted.
 */
export interface Sidecar {
  readonly v: 1;
  readonly ino: string;
  readonly size: string;
  readonly mtimeNs: string;
  readonly sha256: string;
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export function sidecarFor(
  stats: BigIntStats,
  sha256: string,
  contentType: string | undefined,
  metadata: Readonly<Record<string, string>> | undefined,
): Sidecar {
  return {
    v: 1,
    ino: stats.ino.toString(),
    size: stats.size.toString(),
    mtimeNs: stats.mtimeNs.toString(),
    sha256,
    ...(contentType !== undefined ? { contentType } : {}),
    ...(metadata !== undefined && Object.keys(metadata).length > 0 ? { metadata: { ...metadata } } : {}),
  };
}

export function writeSidecar(sidecarPath: string, sidecar: Sidecar): Promise<void> {
  return writeSmallFileAtomically(sidecarPath, JSON.stringify(sidecar));
}

/** The sidecar when it exists and describes exactly the file with `stats`; undefined otherwise. */
export async function readMatchingSidecar(sidecarPath: string, stats: BigIntStats): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(sidecarPath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const sidecar = JSON.parse(text) as Sidecar;
    const matches =
      sidecar.v === 1 &&
      sidecar.ino === stats.ino.toString() &&
      sidecar.size === stats.size.toString() &&
      sidecar.mtimeNs === stats.mtimeNs.toString() &&
      typeof sidecar.sha256 === 'string';
    return matches ? sidecar : undefined;
  } catch {
    return undefined; // a torn or foreign file: not trusted
  }
}

export async function removeSidecar(sidecarPath: string): Promise<void> {
  await unlink(sidecarPath).catch(() => undefined);
}
