import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { yieldTurn } from './yield-turn';

/**
 * Writes one chunk with backpressure: waits for 'drain' when the stream's buffer is full, and
 * otherwise still yields a turn so a concurrent producer gets the CPU.
 */
export async function writeChunk(stream: Writable, data: Buffer): Promise<void> {
  if (stream.destroyed || stream.errored) throw stream.errored ?? new Error('stream was destroyed');
  if (!stream.write(data)) await once(stream, 'drain');
  else await yieldTurn();
}
