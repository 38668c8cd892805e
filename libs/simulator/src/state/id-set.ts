import type { Random } from '@autocorp/generator';

/**
 * A set of items keyed by id that supports a uniform random pick and O(1) removal, in a
 * deterministic order (insertion order, disturbed only by swap-removes the same sequence repeats).
 */
export class IdSet<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<number, number>();

  constructor(private readonly idOf: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    const id = this.idOf(item);
    if (this.index.has(id)) throw new RangeError(`id ${id} is already in the set`);
    this.index.set(id, this.items.length);
    this.items.push(item);
  }

  get(id: number): T | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  remove(id: number): void {
    const i = this.index.get(id);
    if (i === undefined) return;
    const last = this.items.pop() as T;
    this.index.delete(id);
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(this.idOf(last), i);
    }
  }

  /** A uniformly chosen item, or undefined when the set is empty. */
  pick(random: Random): T | undefined {
    return this.items.length === 0 ? undefined : this.items[random.int(this.items.length)];
  }
}
