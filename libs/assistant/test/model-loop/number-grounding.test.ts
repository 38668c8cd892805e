import { describe, expect, it } from 'vitest';
import { ungroundedNumbers } from '../../src/model-loop/index';

describe('ungroundedNumbers', () => {
  const content = { rows: [{ month: '2025-05', revenue: '12345.678', orders: 321 }] };

  it('accepts numbers from the tool results as the model writes them (separators, rounding, dates)', () => {
    expect(ungroundedNumbers('In 2025-05 revenue was $12,345.68 over 321 orders.', [content])).toEqual([]);
  });

  it('returns the numbers nothing returned', () => {
    expect(ungroundedNumbers('Revenue was 12,999 over 321 orders, up 14.5%.', [content])).toEqual([12999, 14.5]);
  });

  it('lets small counting numbers and the question’s own numbers pass', () => {
    expect(ungroundedNumbers('The top 5 of 2024 are listed.', ['top 5 parts of 2024', content])).toEqual([]);
  });
});
