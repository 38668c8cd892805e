import type { Random } from './random';

/** Picks an index with probability proportional to its weight (Walker's alias method, O(1) per draw). */
export class WeightedPicker {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    if (n === 0) throw new RangeError('WeightedPicker needs at least one weight');
    const total = weights.reduce((s, w) => s + w, 0);
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  pick(random: Random): number {
    const u = random.next() * this.prob.length;
    const i = Math.floor(u);
    return u - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}
