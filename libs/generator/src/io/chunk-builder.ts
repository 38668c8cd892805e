import { CHUNK_BYTES, type Chunk } from './chunk';

/** Node's one-byte writer: much cheaper than `write(..., 'utf8')`, exact for ASCII text. */
interface Latin1Writable {
  latin1Write(text: string, offset: number): number;
}

/**
 * Encodes rows straight into a byte buffer as they are made. Rows are short-lived strings that
 * die young; nothing long-lived is a string, which keeps the garbage collector idle.
 *
 * Text must be ASCII (then its UTF-8 and Latin-1 bytes are the same): every value the generator
 * writes is built from digits and the ASCII vocabularies checked by `assertAscii`.
 */
export class ChunkBuilder {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES + (CHUNK_BYTES >> 2));
  private length = 0;
  private rowCount = 0;

  add(text: string, rows: number): void {
    if (this.length + text.length > this.buffer.length) this.grow(text.length);
    this.length += (this.buffer as unknown as Latin1Writable).latin1Write(text, this.length);
    this.rowCount += rows;
  }

  get full(): boolean {
    return this.length >= CHUNK_BYTES;
  }

  get empty(): boolean {
    return this.length === 0;
  }

  /** Hands out the bytes so far and starts a fresh buffer (the old one now belongs to the writer). */
  take(): Chunk {
    const chunk = { data: this.buffer.subarray(0, this.length), rows: this.rowCount };
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES + (CHUNK_BYTES >> 2));
    this.length = 0;
    this.rowCount = 0;
    return chunk;
  }

  private grow(extra: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
