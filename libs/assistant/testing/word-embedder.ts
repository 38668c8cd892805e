import { createHash } from 'node:crypto';

/**
 * The scripted embedding model the local embedding servers answer with: a bag of lowercased words hashed into
 * `dimensions` buckets, normalized. Texts sharing words point the same way, as a real model's would for this test.
 */
export function wordEmbedding(text: string, dimensions = 64): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const bucket = createHash('md5').update(word).digest().readUInt32BE(0) % dimensions;
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}
