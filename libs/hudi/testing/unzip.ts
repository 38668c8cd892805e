import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Extracts a zip archive (stored or deflated entries) into a folder; skips macOS artefacts. */
export async function unzip(zipPath: string, into: string): Promise<void> {
  const zip = await readFile(zipPath);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${zipPath} is not a zip file (no end of central directory).`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.startsWith('__MACOSX/') || name.endsWith('.DS_Store')) continue;
    const target = normalize(join(into, name));
    if (!target.startsWith(normalize(into))) throw new Error(`zip entry ${name} escapes the target folder`);
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`zip entry ${name} uses unsupported compression method ${method}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}
