import { describe, expect, it } from 'vitest';
import { FUTURE_PATTERN, findTimeRanges, wholeRange } from '../src/providers/local/time-range';

const CALENDAR = { firstDay: '2020-01-02', lastDay: '2025-03-14' };

describe('time words against the data calendar', () => {
  it('reads "this month" and "last month" as the latest month with orders and the one before, and says so', () => {
    const [thisMonth] = findTimeRanges('top parts this month', CALENDAR);
    expect(thisMonth).toEqual({
      from: '2025-03-01',
      to: '2025-04-01',
      label: 'March 2025 (the latest month with orders)',
    });
    const [lastMonth] = findTimeRanges('and last month?', CALENDAR);
    expect(lastMonth?.from).toBe('2025-02-01');
    expect(lastMonth?.to).toBe('2025-03-01');
    const [january] = findTimeRanges('last month', { firstDay: '2020-01-02', lastDay: '2025-01-20' });
    expect(january).toMatchObject({ from: '2024-12-01', to: '2025-01-01' });
  });

  it('reads years, quarters, named months and ranges of months', () => {
    expect(findTimeRanges('revenue in 2023', CALENDAR)).toMatchObject([{ from: '2023-01-01', to: '2024-01-01' }]);
    expect(findTimeRanges('this year', CALENDAR)).toMatchObject([{ from: '2025-01-01', to: '2026-01-01' }]);
    expect(findTimeRanges('last year', CALENDAR)).toMatchObject([{ from: '2024-01-01', to: '2025-01-01' }]);
    expect(findTimeRanges('Q1 2024', CALENDAR)).toMatchObject([{ from: '2024-01-01', to: '2024-04-01' }]);
    expect(findTimeRanges('sales in March 2024', CALENDAR)).toMatchObject([{ from: '2024-03-01', to: '2024-04-01' }]);
    expect(findTimeRanges('orders in June', CALENDAR)).toMatchObject([{ from: '2024-06-01', to: '2024-07-01' }]);
    expect(findTimeRanges('the last 3 months', CALENDAR)).toMatchObject([{ from: '2025-01-01', to: '2025-04-01' }]);
  });

  it('keeps the order of two periods for a comparison', () => {
    const ranges = findTimeRanges('Q1 2025 compared with Q1 2024', CALENDAR);
    expect(ranges.map((r) => r.from)).toEqual(['2025-01-01', '2024-01-01']);
  });

  it('covers the whole data without time words, and knows it has no future', () => {
    expect(findTimeRanges('top parts', CALENDAR)).toEqual([]);
    expect(wholeRange(CALENDAR)).toMatchObject({ from: '2020-01-02', to: '2025-03-15' });
    expect(FUTURE_PATTERN.test('What will revenue be next month?')).toBe(true);
  });
});
