/** Applies raw rows (full load then changes, in change order) by key: the table they describe. */
export function replayRaw(
  rows: readonly Record<string, unknown>[],
  key: (row: Record<string, unknown>) => string,
): Map<string, Record<string, unknown>> {
  const table = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    if (row.Op === 'D') table.delete(key(row));
    else table.set(key(row), row);
  }
  return table;
}
