import type { Random } from '../random/random';

/**
 * Selection sampling (Knuth's algorithm S): called once per item of a population of known
 * size, it says yes exactly `quota` times, spread uniformly over the population.
 */
export class QuotaSampler {
  constructor(
    private quota: number,
    private population: number,
  ) {
    if (quota > population) throw new RangeError(`cannot pick ${quota} of ${population} rows`);
  }

  take(random: Random): boolean {
    const yes = this.quota > 0 && random.next() * this.population < this.quota;
    this.population--;
    if (yes) this.quota--;
    return yes;
  }
}

/** Hands out kinds so that each kind comes up exactly its planned number of times, in random order. */
export class KindDealer<K extends string> {
  private readonly left: number[];
  private total: number;

  constructor(
    private readonly kinds: readonly K[],
    counts: Readonly<Record<string, number>>,
  ) {
    this.left = kinds.map((k) => counts[k] ?? 0);
    this.total = this.left.reduce((s, n) => s + n, 0);
  }

  deal(random: Random): K {
    if (this.total <= 0) throw new RangeError('KindDealer has no kinds left');
    let u = random.int(this.total);
    let i = 0;
    while (u >= (this.left[i] as number)) u -= this.left[i++] as number;
    this.left[i] = (this.left[i] as number) - 1;
    this.total--;
    return this.kinds[i] as K;
  }
}
