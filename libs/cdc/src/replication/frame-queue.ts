import type { Readable } from 'node:stream';

const EMPTY = Buffer.alloc(0);

export type QueueItem =
  | { readonly kind: 'frame'; readonly frame: Buffer }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'end' }
  | { readonly kind: 'wake' };

/** Bytes of frames held before the socket is paused, and below which it resumes. */
const HIGH_WATER_BYTES = 64 * 1024 * 1024;
const LOW_WATER_BYTES = 16 * 1024 * 1024;

/**
 * Frames from the replication stream, taken one at a time by the runner's single loop.
 * Pauses the socket when the runner falls behind by more than 64 MiB of frames (so a large
 * transaction never piles up in memory), and resumes it below 16 MiB.
 */
export class FrameQueue {
  private readonly items: Buffer[] = [];
  private head = 0;
  private ended = false;
  private failure: unknown;
  private waiter: ((item: QueueItem) => void) | undefined;
  private paused = false;
  private bytes = 0;

  constructor(private readonly source: Readable) {
    source.on('data', (frame: Buffer) => this.push(frame));
    source.on('end', () => this.finish());
    source.on('close', () => this.finish());
    source.on('error', (error: unknown) => this.finish(error));
  }

  private push(frame: Buffer): void {
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve({ kind: 'frame', frame });
      return;
    }
    this.items.push(frame);
    this.bytes += frame.length;
    if (this.bytes > HIGH_WATER_BYTES && !this.paused) {
      this.paused = true;
      this.source.pause();
    }
  }

  private finish(error?: unknown): void {
    if (error !== undefined && this.failure === undefined) this.failure = error;
    this.ended = true;
    this.wakeWith({ kind: 'end' });
  }

  private wakeWith(item: QueueItem): void {
    if (!this.waiter) return;
    const resolve = this.waiter;
    this.waiter = undefined;
    resolve(item);
  }

  /** The stream's error, if it ended with one. */
  get error(): unknown {
    return this.failure;
  }

  /** Wakes a pending take() (for stop requests). */
  wake(): void {
    this.wakeWith({ kind: 'wake' });
  }

  /** The next frame when one is already here (no waiting, no promise: the hot path). */
  poll(): Buffer | undefined {
    if (this.head >= this.items.length) return undefined;
    const frame = this.items[this.head] as Buffer;
    this.items[this.head] = EMPTY;
    this.head += 1;
    this.bytes -= frame.length;
    if (this.head > 4096) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    if (this.paused && this.bytes < LOW_WATER_BYTES) {
      this.paused = false;
      this.source.resume();
    }
    return frame;
  }

  /** The next frame; or `timeout` after `timeoutMs`; or `end` when the stream is over. */
  take(timeoutMs: number): Promise<QueueItem> {
    const frame = this.poll();
    if (frame) return Promise.resolve({ kind: 'frame', frame });
    if (this.ended) return Promise.resolve({ kind: 'end' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeWith({ kind: 'timeout' }), Math.max(0, timeoutMs));
      this.waiter = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
    });
  }
}
