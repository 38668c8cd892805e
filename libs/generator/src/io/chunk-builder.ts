import { ByteWriter } from './byte-writer';
import { CHUNK_BYTES, type Chunk } from './chunk';

/**
 * Rows rendered into one ~1 MiB byte buffer, handed out whole. Render with the ByteWriter
 * methods and count rows with `rowDone`, or add ready text with `add` (ASCII only: every value
 * the generator writes is built from digits and the vocabularies checked by `checkVocabulary`).
 */
export class ChunkBuilder extends ByteWriter {
  rows = 0;

  constructor() {
    super(CHUNK_BYTES + (CHUNK_BYTES >> 2));
  }

  add(text: string, rows: number): void {
    this.text(text);
    this.rows += rows;
  }

  rowDone(rows = 1): void {
    this.rows += rows;
  }

  get full(): boolean {
    return this.length >= CHUNK_BYTES;
  }

  get empty(): boolean {
    return this.length === 0;
  }

  /** Hands out the bytes so far and starts a fresh buffer (the old one now belongs to the writer). */
  take(): Chunk {
    const chunk = { data: this.buffer.subarray(0, this.length), rows: this.rows };
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES + (CHUNK_BYTES >> 2));
    this.length = 0;
    this.rows = 0;
    return chunk;
  }
}
