/** Orders partitions by their values, the same on every backend. */
export function comparePartitions(a: { values: readonly string[] }, b: { values: readonly string[] }): number {
  const x = JSON.stringify(a.values);
  const y = JSON.stringify(b.values);
  return x < y ? -1 : x > y ? 1 : 0;
}
