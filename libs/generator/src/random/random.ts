const TWO_POW_32 = 4294967296;

/** 32-bit string hash (FNV-1a), used to name independent random sub-streams. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: a good avalanche of one 32-bit word. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A uniform float in [0, 1) that depends only on (key, index): counter-based randomness. */
export function hashUnit(key: number, index: number): number {
  return mix32(mix32(key ^ Math.imul(index, 0x9e3779b1)) + index) / TWO_POW_32;
}

/**
 * Small fast seeded PRNG (sfc32). Never Math.random: the same seed gives the same sequence on
 * every machine. Each entity draws from its own instance (`Random.stream(seed, 'label')`) so
 * generating one output never shifts another.
 */
export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(key: number, index = 0) {
    this.reseed(key, index);
  }

  /** An independent stream named by `label` under the user's `seed`. */
  static stream(seed: number, label: string): Random {
    return new Random(seedKey(seed) ^ hashLabel(label));
  }

  /** Restarts the stream at (key, index); cheap enough to call once per record. */
  reseed(key: number, index = 0): void {
    this.a = mix32(key ^ 0x9e3779b9);
    this.b = mix32(key + Math.imul(index, 0x85ebca77));
    this.c = mix32(index ^ 0xc2b2ae3d) ^ key;
    this.d = 1;
    for (let i = 0; i < 8; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Number of failures before the first success for a geometric law with the given mean (>= 0). */
  geometric(mean: number): number {
    if (mean <= 0) return 0;
    const q = mean / (1 + mean);
    return Math.floor(Math.log(1 - this.next()) / Math.log(q));
  }
}

/** Folds a safe-integer seed into 32 bits (both halves count). */
export function seedKey(seed: number): number {
  const low = seed % TWO_POW_32;
  const high = Math.floor(seed / TWO_POW_32);
  return mix32((low >>> 0) ^ mix32(high >>> 0));
}
