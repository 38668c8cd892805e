import { randomInt } from 'node:crypto';
import { Random } from '@autocorp/generator';

/** Numbers in [0, 1) from the generator's seeded Random: the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/**
 * The seed of a test's random choices: CDC_TEST_SEED when set (to replay a run), else a fresh one.
 * Printed either way, so a failing run can be replayed.
 */
export function testSeed(testName: string): number {
  const fromEnv = process.env.CDC_TEST_SEED;
  const seed = fromEnv !== undefined && fromEnv.trim() !== '' ? Number(fromEnv) : randomInt(2 ** 31);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`CDC_TEST_SEED is "${fromEnv}"; set it to a non-negative integer seed or unset it.`);
  console.info(`${testName}: seed ${seed} (CDC_TEST_SEED=${seed} replays these random choices)`);
  return seed;
}
