import { randomInt } from 'node:crypto';

/** A deterministic PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UP_TEST_SEED when set (to replay a run), else a fresh seed; printed either way. */
export function testSeed(testName: string): number {
  const fromEnv = process.env.UP_TEST_SEED;
  const seed = fromEnv !== undefined && fromEnv.trim() !== '' ? Number(fromEnv) : randomInt(2 ** 31);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`UP_TEST_SEED is "${fromEnv}"; set it to a non-negative integer seed or unset it.`);
  console.info(`${testName}: seed ${seed} (UP_TEST_SEED=${seed} replays these random choices)`);
  return seed;
}
