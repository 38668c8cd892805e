import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CHUNK_BYTES } from './chunk';
import { ChunkBuilder } from './chunk-builder';
import { writeChunk } from './write-chunk';

/**
 * A UTF-8 text file written in ~1 MiB chunks with backpressure. `add` only encodes into the
 * pending chunk; call `flushIfFull` between rows (it writes and waits when a chunk is full).
 */
export class TextFileWriter {
  rows = 0;
  bytes = 0;
  /** Render rows into this directly, then call `rowsDone`. */
  readonly pending = new ChunkBuilder();
  private readonly stream: WriteStream;
  private readonly done: Promise<void>;

  constructor(
    readonly path: string,
    header: string,
    private readonly onFlush: (rows: number) => void = () => undefined,
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 4 * CHUNK_BYTES });
    this.done = finished(this.stream);
    this.done.catch(() => undefined);
    this.pending.add(header, 0);
  }

  add(text: string, rows: number): void {
    this.pending.add(text, rows);
    this.rows += rows;
  }

  /** Counts rows rendered straight into `pending`. */
  rowsDone(rows: number): void {
    this.pending.rowDone(rows);
    this.rows += rows;
  }

  get full(): boolean {
    return this.pending.full;
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.full) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.empty) return;
    const chunk = this.pending.take();
    this.bytes += chunk.data.length;
    await writeChunk(this.stream, chunk.data);
    this.onFlush(chunk.rows);
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }

  /** Stops writing after a failure elsewhere; the partial file stays for inspection. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await this.done.catch(() => undefined);
  }
}
