import type { Readable } from 'node:stream';

export type QueueItem = { readonly kind: 'frame'; readonly frame: Buffer } | { readonly kind: 'timeout' } | { readonly kind: 'end' } | { readonly kind: 'wake' };

const HIGH_WATER = 20_000;
const LOW_WATER = 2_000;

/**
 * Frames from the replication stream, taken one at a time by the runner's single loop.
 * Pauses the socket when the runner falls behind (so a large transaction never piles up in memory).
 */
export class FrameQueue {
  private readonly items: Buffer[] = [];
  private head = 0;
  private ended = false;
  private failure: unknown;
  private waiter: ((item: QueueItem) => void) | undefined;
  private paused = false;

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
    if (this.items.length - this.head > HIGH_WATER && !this.paused) {
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

  /** The next frame; or `timeout` after `timeoutMs`; or `end` when the stream is over. */
  take(timeoutMs: number): Promise<QueueItem> {
    if (this.head < this.items.length) {
      const frame = this.items[this.head] as Buffer;
      this.items[this.head] = Buffer.alloc(0);
      this.head += 1;
      if (this.head > 4096) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      if (this.paused && this.items.length - this.head < LOW_WATER) {
        this.paused = false;
        this.source.resume();
      }
      return Promise.resolve({ kind: 'frame', frame });
    }
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
