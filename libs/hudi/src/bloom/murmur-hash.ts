/**
 * 32-bit MurmurHash2 as org.apache.hudi.common.util.hash.MurmurHash (and Hadoop's) computes it,
 * including Java's signed-byte arithmetic on the tail. Hashes `data[0, length)`.
 */
export function murmurHash(data: Uint8Array, seed: number, length = data.length): number {
  const m = 0x5bd1e995;
  let h = (seed ^ length) | 0;
  const len4 = length >> 2;
  let i4 = 0;
  for (let i = 0; i < len4; i++, i4 += 4) {
    let k = (data[i4 + 3]! << 24) | (data[i4 + 2]! << 16) | (data[i4 + 1]! << 8) | data[i4]!;
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const left = length - (len4 << 2);
  if (left !== 0) {
    const at = len4 << 2;
    // Java bytes are signed: sign-extend before shifting.
    if (left >= 3) h ^= ((data[at + 2]! << 24) >> 24) << 16;
    if (left >= 2) h ^= ((data[at + 1]! << 24) >> 24) << 8;
    h ^= (data[at]! << 24) >> 24;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h;
}
