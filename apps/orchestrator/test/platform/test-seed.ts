import { randomInt } from 'node:crypto';

/** UP_TEST_SEED when set (to replay a run), else a fresh seed; printed either way. */
export function testSeed(testName: string): number {
  const fromEnv = process.env.UP_TEST_SEED;
  const seed = fromEnv !== undefined && fromEnv.trim() !== '' ? Number(fromEnv) : randomInt(2 ** 31);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`UP_TEST_SEED is "${fromEnv}"; set it to a non-negative integer seed or unset it.`);
  console.info(`${testName}: seed ${seed} (UP_TEST_SEED=${seed} replays these random choices)`);
  return seed;
}
