import { open } from 'node:fs/promises';

/** The last `maxLines` lines of `file` written after byte `from` (for error messages). */
export async function readLogTail(file: string, from: number, maxLines = 15): Promise<string> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(from, size - 16_384);
      const buffer = Buffer.alloc(Math.max(0, size - start));
      await handle.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8').trimEnd().split('\n').slice(-maxLines).join('\n');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}
