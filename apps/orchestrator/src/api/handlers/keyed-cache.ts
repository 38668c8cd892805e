/**
 * Values kept with the key of what they were computed from (a table's latest commit, its raw file
 * set, a generation bumped by events): a value is reused only while its key is unchanged. Concurrent
 * asks for the same key share one computation; a failed computation is not kept.
 */
export class KeyedCache<T> {
  private readonly entries = new Map<string, { readonly key: string; readonly value: Promise<T> }>();

  /** The value of `name` computed for `key`, computing it when the kept one has another key (or none). */
  get(name: string, key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(name);
    if (kept && kept.key === key) return kept.value;
    const value = compute();
    this.entries.set(name, { key, value });
    value.catch(() => {
      if (this.entries.get(name)?.value === value) this.entries.delete(name);
    });
    return value;
  }

  /** Whether a value of `name` is kept (or being computed) for `key`. */
  has(name: string, key: string): boolean {
    return this.entries.get(name)?.key === key;
  }

  /** Forgets every kept value. */
  clear(): void {
    this.entries.clear();
  }
}
