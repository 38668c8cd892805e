import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { orderStatusTable } from './support/order-status-table';

const env = useScratchDuckdb('extra-metadata');

const row = (id: string, status: string) =>
  `SELECT '${id}' AS invoice_number, 2024 AS order_year, 7 AS order_month, '${status}' AS status, TIMESTAMP '2024-07-01 00:00:00' AS updated_at`;

describe('a write with extraMetadata', () => {
  it("records the entries in the completed commit's extraMetadata, beside the engine's schema", async () => {
    let t = await orderStatusTable(env.dir, 'extra');
    await t.upsert(env.connection, row('X-1', 'new'));
    const deletedKeys = JSON.stringify([{ invoice_number: 'X-1' }]);
    const result = await t.delete(env.connection, row('X-1', 'new'), {
      extraMetadata: { _autocorp_deleted_keys: deletedKeys, schema: 'ignored' },
    });
    t = await t.refresh();
    const meta = await t.timeline.commitMetadata(t.timeline.requireCompleted(result.instant));
    expect(meta.operationType).toBe('DELETE');
    expect(meta.extraMetadata['_autocorp_deleted_keys']).toBe(deletedKeys);
    expect(JSON.parse(meta.extraMetadata['schema'] ?? '{}')).toMatchObject({ type: 'record' });
  });
});
