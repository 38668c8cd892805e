import { describe, expect, it } from 'vitest';
import type { ToolResult } from '../src/contract/tool';
import { ToolResultCache } from '../src/tools/tool-result-cache';

/** Commit instants that the test moves on, as a knowledge base refresh would. */
function commitsOf(initial: Record<string, string | null>) {
  const commits = new Map(Object.entries(initial));
  return { commits: () => commits, set: (table: string, commit: string | null) => commits.set(table, commit) };
}

/** A tool call that counts its runs and returns which run answered. */
function countingCall() {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    run: async (): Promise<ToolResult> => {
      runs += 1;
      return { content: { run: runs }, citations: [] };
    },
  };
}

describe('ToolResultCache', () => {
  it('reuses a result until a table the call reads has another commit', async () => {
    const source = commitsOf({ sales_order: '20261207100000000', auto_parts: '20261207100000000' });
    const cache = new ToolResultCache(source);
    const call = countingCall();
    const key = () => cache.keyOf('run_sql', 'SELECT 1 FROM sales_order', 50, ['sales_order']);
    const first = await cache.getOrRun(key(), call.run);
    expect(await cache.getOrRun(key(), call.run)).toBe(first);
    expect(call.runs).toBe(1);
    source.set('auto_parts', '20261207110000000');
    expect(await cache.getOrRun(key(), call.run)).toBe(first);
    source.set('sales_order', '20261207110000000');
    expect((await cache.getOrRun(key(), call.run)).content).toEqual({ run: 2 });
  });

  it('keeps results apart by tool, input and row cap', () => {
    const cache = new ToolResultCache(commitsOf({ service: '1' }));
    const keys = [
      cache.keyOf('run_sql', 'SELECT 1 FROM service', 50, ['service']),
      cache.keyOf('run_sql', 'SELECT 2 FROM service', 50, ['service']),
      cache.keyOf('run_sql', 'SELECT 1 FROM service', 10, ['service']),
      cache.keyOf('run_named_query', 'SELECT 1 FROM service', 50, ['service']),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps nothing for a call over a table with no commit, or over no table', async () => {
    const cache = new ToolResultCache(commitsOf({ customers: null }));
    expect(cache.keyOf('run_sql', 'SELECT 1', 50, [])).toBeUndefined();
    expect(cache.keyOf('run_sql', 'SELECT * FROM customers', 50, ['customers'])).toBeUndefined();
    expect(cache.keyOf('run_sql', 'SELECT * FROM nowhere', 50, ['nowhere'])).toBeUndefined();
    const call = countingCall();
    await cache.getOrRun(undefined, call.run);
    await cache.getOrRun(undefined, call.run);
    expect(call.runs).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps no failure', async () => {
    const cache = new ToolResultCache(commitsOf({ service: '1' }));
    const key = cache.keyOf('run_sql', 'SELECT * FROM service', 50, ['service']);
    await expect(cache.getOrRun(key, () => Promise.reject(new Error('engine down')))).rejects.toThrow('engine down');
    const call = countingCall();
    await cache.getOrRun(key, call.run);
    expect(call.runs).toBe(1);
  });

  it('drops the least recently used result beyond its size', async () => {
    const cache = new ToolResultCache(commitsOf({ service: '1' }), 2);
    const key = (n: number) => cache.keyOf('run_sql', `SELECT ${n} FROM service`, 50, ['service']);
    const calls = [countingCall(), countingCall(), countingCall()];
    await cache.getOrRun(key(0), calls[0]!.run);
    await cache.getOrRun(key(1), calls[1]!.run);
    await cache.getOrRun(key(0), calls[0]!.run); // 0 is now the most recently used
    await cache.getOrRun(key(2), calls[2]!.run); // evicts 1
    expect(cache.size).toBe(2);
    await cache.getOrRun(key(0), calls[0]!.run);
    await cache.getOrRun(key(1), calls[1]!.run);
    expect(calls.map((c) => c.runs)).toEqual([1, 2, 1]);
  });
});
