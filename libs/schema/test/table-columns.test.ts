import { describe, expect, it } from 'vitest';
import { SOURCE_TABLE_COLUMNS, SOURCE_TABLE_NAMES } from '../src/index';

describe('SOURCE_TABLE_COLUMNS', () => {
  it('lists every source table with its columns in definition order', () => {
    expect(Object.keys(SOURCE_TABLE_COLUMNS).sort()).toEqual([...SOURCE_TABLE_NAMES].sort());
    expect(SOURCE_TABLE_COLUMNS.service_parts).toEqual(['serviceid', 'sku', 'quantity', 'created_at', 'updated_at']);
    expect(SOURCE_TABLE_COLUMNS.sales_order_parts).toEqual([
      'line_item_id',
      'order_id',
      'sku',
      'quantity',
      'unit_price',
      'line_total',
      'created_at',
    ]);
    expect(SOURCE_TABLE_COLUMNS.sales_order[0]).toBe('order_id');
  });
});
