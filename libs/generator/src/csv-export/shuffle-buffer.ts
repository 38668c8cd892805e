import type { Random } from '../random/random';

/**
 * A fixed-size window that releases items in a random order: each new item takes the place of
 * a random earlier one, which is released. Rows drift by a few thousand positions at most (in
 * expectation), which is how out-of-order exports look, and memory stays constant.
 */
export class ShuffleBuffer<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly random: Random,
  ) {}

  /** Adds an item; returns the item released in exchange, if the window is full. */
  push(item: T): T | undefined {
    if (this.items.length < this.size) {
      this.items.push(item);
      return undefined;
    }
    const i = this.random.int(this.size);
    const out = this.items[i] as T;
    this.items[i] = item;
    return out;
  }

  /** Releases what is left, in random order. */
  *drain(): Generator<T> {
    while (this.items.length > 0) {
      const i = this.random.int(this.items.length);
      const last = this.items.pop() as T;
      if (i < this.items.length) {
        const out = this.items[i] as T;
        this.items[i] = last;
        yield out;
      } else yield last;
    }
  }
}
