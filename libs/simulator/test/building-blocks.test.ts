import { Random, formatCents } from '@autocorp/generator';
import { ORDER_STATUSES } from '@autocorp/schema';
import { describe, expect, it } from 'vitest';
import { isConnectionError } from '../src/connection-errors';
import { NEXT_STATUS, OPEN_STATUSES, initialStatus, isAllowedTransition } from '../src/order-lifecycle';
import { IdSet } from '../src/state/id-set';
import { parseCents, sqlTimestamp } from '../src/sql-values';

const SEED = 31;

describe('money and time values', () => {
  it('reads back every amount the generator formats, exactly', () => {
    console.info(`seed ${SEED}`);
    const random = Random.stream(SEED, 'cents');
    for (let i = 0; i < 10_000; i++) {
      const cents = random.int(10_000_000) - (i % 10 === 0 ? 5_000_000 : 0);
      expect(parseCents(formatCents(cents))).toBe(cents);
    }
  });

  it('reads the short forms PostgreSQL prints and refuses what is not an amount', () => {
    for (const text of ['12', '12.5', '0.05', '-3.1']) expect(parseCents(text)).toBe(Math.round(Number(text) * 100));
    expect(() => parseCents('12,50')).toThrow(/not a money amount/);
  });

  it('writes a timestamp(6) literal in UTC that reads back to the same instant', () => {
    const ms = Date.UTC(2026, 0, 5, 9, 30, 15, 123);
    expect(Date.parse(`${sqlTimestamp(ms).replace(' ', 'T')}Z`)).toBe(ms);
  });
});

describe('the order lifecycle', () => {
  it('moves forward one step at a time, cancels only open orders, and ends in Refunded or Cancelled', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const expected =
          NEXT_STATUS[from] === to || (to === 'Cancelled' && (OPEN_STATUSES as readonly string[]).includes(from));
        expect(isAllowedTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
    expect(ORDER_STATUSES.filter((s) => ORDER_STATUSES.every((t) => !isAllowedTransition(s, t)))).toEqual([
      'Refunded',
      'Cancelled',
    ]);
  });

  it('starts counter sales of parts Completed and everything else Pending', () => {
    expect(initialStatus('Completed', 0)).toBe('Completed');
    expect(initialStatus('Completed', 1)).toBe('Pending');
    expect(initialStatus('Refunded', 0)).toBe('Pending');
  });
});

describe('IdSet', () => {
  it('picks among what it holds and forgets what was removed', () => {
    const set = new IdSet<number>((id) => id);
    for (let id = 1; id <= 100; id++) set.add(id);
    for (let id = 2; id <= 100; id += 2) set.remove(id);
    const random = Random.stream(SEED, 'id-set');
    const picked = new Set<number>();
    for (let i = 0; i < 2_000; i++) picked.add(set.pick(random) as number);
    expect([...picked].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 2 * i + 1));
    expect(set.size).toBe(50);
    expect(() => set.add(1)).toThrow(/already/);
  });
});

describe('connection errors', () => {
  it('tells a lost or refused connection from a refused statement', () => {
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    expect(isConnectionError(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isConnectionError(withCode('new row violates check constraint', '23514'))).toBe(false);
  });
});
