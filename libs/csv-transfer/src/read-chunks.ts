import { createReadStream } from 'node:fs';

/** Read size for source files: large enough for throughput, small enough for constant memory. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export function readFileChunks(filePath: string): AsyncIterableIterator<Buffer> {
  return createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES })[
    Symbol.asyncIterator
  ]() as AsyncIterableIterator<Buffer>;
}

/** Reads from `chunks` until at least `bytes` are buffered or the input ends. */
export async function readHead(
  chunks: AsyncIterator<Buffer>,
  bytes: number,
): Promise<{ head: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(parts), ended: false };
}
