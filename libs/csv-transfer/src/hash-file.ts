import { createHash } from 'node:crypto';
import type { ProgressTask } from '@autocorp/progress';
import { readFileChunks } from './read-chunks';

/** sha256 and size of a file, streamed. */
export async function hashFile(filePath: string, progress: ProgressTask): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of readFileChunks(filePath)) {
    hash.update(chunk);
    bytes += chunk.length;
    progress.advance(chunk.length);
  }
  return { sha256: hash.digest('hex'), bytes };
}
