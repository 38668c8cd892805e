/**
 * The row counts the API keeps between requests: reused while what they counted is unchanged,
 * recounted as soon as it changes (a new key, a CDC batch naming the table, CDC not running).
 */
import type { PlatformEvent } from '@autocorp/platform-client';
import { describe, expect, it } from 'vitest';
import { KeyedCache } from '../../src/api/handlers/keyed-cache';
import { TableCountsCache } from '../../src/api/handlers/table-counts-cache';

/** A counter over a changing table: each call counts the rows as they are now, and records that it counted. */
function countedTable(rows: string[]) {
  const calls: number[] = [];
  return {
    rows,
    calls,
    count: async () => {
      calls.push(rows.length);
      return rows.length;
    },
  };
}

const cdcBatch = (tables: string[]): PlatformEvent => ({
  type: 'cdc-batch',
  at: 0,
  rows: tables.length,
  files: tables.length,
  lsn: '0/1',
  reason: 'time',
  tables: tables.map((table) => ({ table, rows: 1 })),
  commitLagSeconds: null,
});

describe('KeyedCache', () => {
  it('reuses a value while its key is unchanged and computes again for a new key', async () => {
    const cache = new KeyedCache<number>();
    const table = countedTable(['a', 'b']);
    expect(await cache.get('t', 'commit-1', table.count)).toBe(2);
    table.rows.push('c');
    expect(await cache.get('t', 'commit-1', table.count)).toBe(2);
    expect(await cache.get('t', 'commit-2', table.count)).toBe(table.rows.length);
    expect(table.calls).toEqual([2, 3]);
  });

  it('shares one computation between concurrent asks and keeps no failed one', async () => {
    const cache = new KeyedCache<number>();
    const table = countedTable(['a']);
    const [first, second] = await Promise.all([cache.get('t', 'k', table.count), cache.get('t', 'k', table.count)]);
    expect([first, second, table.calls.length]).toEqual([1, 1, 1]);
    const failing = cache.get('u', 'k', async () => {
      throw new Error('source down');
    });
    await expect(failing).rejects.toThrow('source down');
    expect(cache.has('u', 'k')).toBe(false);
    expect(await cache.get('u', 'k', table.count)).toBe(table.rows.length);
  });
});

describe('TableCountsCache source counts', () => {
  it('are kept while CDC runs, and counted again after a CDC batch names the table (not another)', async () => {
    const cache = new TableCountsCache();
    const orders = countedTable(['o1']);
    const parts = countedTable(['p1', 'p2']);
    expect(await cache.source('orders', true, orders.count)).toBe(1);
    expect(await cache.source('parts', true, parts.count)).toBe(2);
    orders.rows.push('o2');
    parts.rows.push('p3');
    expect(await cache.source('orders', true, orders.count)).toBe(1); // no batch yet: kept
    cache.observe(cdcBatch(['orders']));
    expect(await cache.source('orders', true, orders.count)).toBe(orders.rows.length);
    expect(await cache.source('parts', true, parts.count)).toBe(2); // no batch named parts
    expect([orders.calls, parts.calls]).toEqual([[1, 2], [2]]);
  });

  it('are counted on every ask while CDC is not running, and not kept past a CDC failure', async () => {
    const cache = new TableCountsCache();
    const orders = countedTable(['o1']);
    expect(await cache.source('orders', false, orders.count)).toBe(1);
    orders.rows.push('o2');
    expect(await cache.source('orders', false, orders.count)).toBe(2);
    expect(await cache.source('orders', true, orders.count)).toBe(2);
    orders.rows.push('o3');
    cache.observe({ type: 'component', at: 0, component: 'cdc', health: 'down', reason: 'slot lost' });
    expect(await cache.source('orders', true, orders.count)).toBe(orders.rows.length);
    expect(orders.calls).toEqual([1, 2, 2, 3]);
  });
});
