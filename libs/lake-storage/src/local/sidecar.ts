import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { writeSmallFileAtomically } from './durable-fs';

/**
 * What the local backend remembers about an object it wrote, in `.lake-meta/<key>.json` (so it is
 * keyed by the object's key and travels with the lake folder when it is copied).
 * It records the sha256 of the bytes and, as a cache, the data file's inode, size and mtime (ns):
 * while those match, the checksum is trusted without reading the file. When only the size matches
 * (the lake folder was copied with `cp -r`, restored from a backup, or the file was rewritten in
 * place), the file is hashed once: the same sha256 means the same bytes, and the sidecar is
 * refreshed with the new inode and mtime; a different one means the sidecar is stale and dropped.
 * So a checksum is kept across copies and is never wrong.
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

/** The sidecar at `sidecarPath` when it is a readable sidecar; undefined otherwise. */
export async function readSidecar(sidecarPath: string): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(sidecarPath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const sidecar = JSON.parse(text) as Sidecar;
    return sidecar.v === 1 && typeof sidecar.sha256 === 'string' && typeof sidecar.size === 'string'
      ? sidecar
      : undefined;
  } catch {
    return undefined; // a torn or foreign file: not trusted
  }
}

/** How a sidecar relates to the data file with `stats`. */
export function sidecarMatch(sidecar: Sidecar, stats: BigIntStats): 'same-file' | 'same-size' | 'stale' {
  if (sidecar.size !== stats.size.toString()) return 'stale';
  return sidecar.ino === stats.ino.toString() && sidecar.mtimeNs === stats.mtimeNs.toString()
    ? 'same-file'
    : 'same-size';
}

/** Hex sha256 of a local file, streamed. */
export async function hashLocalFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function removeSidecar(sidecarPath: string): Promise<void> {
  await unlink(sidecarPath).catch(() => undefined);
}
