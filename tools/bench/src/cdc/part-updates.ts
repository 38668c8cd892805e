import type pg from 'pg';

/** Rows per UPDATE transaction of the update workload. */
export const UPDATE_TRANSACTION_ROWS = 10_000;

/**
 * Adds 1 to `quantity` of the `count` sales_order_parts lines after the first `offset` (by
 * line_item_id), `UPDATE_TRANSACTION_ROWS` per transaction. Returns the rows changed.
 */
export async function updatePartLines(pool: pg.Pool, offset: number, count: number): Promise<number> {
  let changed = 0;
  for (let at = offset; at < offset + count; at += UPDATE_TRANSACTION_ROWS) {
    const limit = Math.min(UPDATE_TRANSACTION_ROWS, offset + count - at);
    const result = await pool.query(
      `UPDATE sales_order_parts SET quantity = quantity + 1
        WHERE line_item_id IN (SELECT line_item_id FROM sales_order_parts ORDER BY line_item_id OFFSET $1 LIMIT $2)`,
      [at, limit],
    );
    changed += result.rowCount ?? 0;
  }
  return changed;
}

/** Undoes updatePartLines over the first `count` lines (each was raised by 1 exactly once). */
export async function revertPartLines(pool: pg.Pool, count: number): Promise<void> {
  await pool.query(
    `UPDATE sales_order_parts SET quantity = quantity - 1
      WHERE line_item_id IN (SELECT line_item_id FROM sales_order_parts ORDER BY line_item_id LIMIT $1)`,
    [count],
  );
}
