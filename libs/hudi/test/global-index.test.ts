import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { createTable, type HudiTable, type WriteOptions } from '../src/index';

const env = useScratchDuckdb('global-index');
const GLOBAL: WriteOptions = { indexType: 'GLOBAL_SIMPLE' };

interface Order {
  id: string;
  date: string;
  status: string;
  minute: number;
}

const select = (o: Order) =>
  `SELECT '${o.id}' AS invoice_number, DATE '${o.date}' AS order_date, year(DATE '${o.date}') AS order_year, '${o.status}' AS status, TIMESTAMP '2024-07-01 00:00:00' + INTERVAL ${o.minute} MINUTE AS updated_at`;
const source = (orders: Order[]) => orders.map(select).join(' UNION ALL ');

async function table(name: string): Promise<HudiTable> {
  return createTable({
    basePath: join(env.dir, name),
    tableName: name,
    recordKeyFields: ['invoice_number'],
    precombineField: 'updated_at',
    partitionFields: ['order_year'],
    hiveStylePartitioning: true,
  });
}

/** Rows as `id -> [partition path, status, order_date]`; an id stored twice keeps all its placements. */
async function placements(t: HudiTable, asOf?: string): Promise<Record<string, string[][]>> {
  const fresh = await t.refresh();
  const rows = await fresh.readJson(env.connection, asOf ? { type: 'asOf', asOf } : { type: 'snapshot' }, {
    columns: ['invoice_number', '_hoodie_partition_path', 'status', 'order_date'],
  });
  const out: Record<string, string[][]> = {};
  for (const r of rows)
    (out[String(r['invoice_number'])] ??= []).push([
      String(r['_hoodie_partition_path']),
      String(r['status']),
      String(r['order_date']),
    ]);
  for (const list of Object.values(out)) list.sort();
  return out;
}

const partitionOf = (o: Order) => `order_year=${o.date.slice(0, 4)}`;
const expectedPlacements = (orders: Order[]) => {
  const out: Record<string, string[][]> = {};
  for (const o of orders) out[o.id] = [[partitionOf(o), o.status, o.date]];
  return out;
};

const o1: Order = { id: 'O-1', date: '2023-12-30', status: 'new', minute: 1 };
const o2: Order = { id: 'O-2', date: '2023-11-02', status: 'new', minute: 1 };
const o3: Order = { id: 'O-3', date: '2024-02-01', status: 'new', minute: 1 };
const moved: Order = { ...o1, date: '2024-01-03', status: 'paid', minute: 2 };

describe('GLOBAL_SIMPLE index', () => {
  it('moves a record whose partition value changed: one row, in the new partition; the old file group is rewritten without it', async () => {
    let t = await table('moves');
    const first = await t.upsert(env.connection, source([o1, o2, o3]), GLOBAL);
    t = await t.refresh();
    const oldGroup = (await t.fileSlices()).find((s) => s.partitionPath === partitionOf(o1));
    const second = await t.upsert(env.connection, select(moved), GLOBAL);
    t = await t.refresh();

    expect(await placements(t)).toEqual(expectedPlacements([moved, o2, o3]));
    expect(second.numDeletes).toBe(1);
    expect(second.numInserts).toBe(1);
    const meta = await t.timeline.commitMetadata(t.timeline.requireCompleted(second.instant));
    const oldStats = meta.partitionToWriteStats[partitionOf(o1)] ?? [];
    expect(oldStats.map((s) => [s.fileId, s.prevCommit, s.numDeletes, s.numWrites])).toEqual([
      [oldGroup?.fileId, first.instant, 1, 1],
    ]);
    const rewritten = (await t.fileSlices()).find((s) => s.fileId === oldGroup?.fileId);
    expect(rewritten?.baseInstant).toBe(second.instant);
    const keys = await env.connection.runAndReadAll(
      `SELECT invoice_number FROM read_parquet('${t.storage.locate(rewritten?.baseFile.path ?? '')}')`,
    );
    expect(keys.getRows().map((r) => r[0])).toEqual([o2.id]);

    // As of the first commit the record is still where it was.
    expect(await placements(t, first.instant)).toEqual(expectedPlacements([o1, o2, o3]));
  });

  it('combines a batch by record key alone: two versions of a key in different partitions leave the later one', async () => {
    const t = await table('combines');
    await t.upsert(env.connection, source([o1, moved, o3]), GLOBAL);
    expect(await placements(t)).toEqual(expectedPlacements([moved, o3]));
  });

  it('leaves the stored record where it is when it wins on the precombine field', async () => {
    const t = await table('stored_wins');
    await t.upsert(env.connection, source([{ ...o1, minute: 5 }, o3]), GLOBAL);
    const before = await placements(t);
    await t.upsert(env.connection, select({ ...moved, minute: 4 }), GLOBAL);
    expect(await placements(t)).toEqual(before);
  });

  it('updates the record in its old partition when partition paths are not updated (hoodie.simple.index.update.partition.path=false)', async () => {
    const t = await table('no_move');
    await t.upsert(env.connection, source([o1, o3]), GLOBAL);
    await t.upsert(env.connection, select(moved), { ...GLOBAL, updatePartitionPath: false });
    expect(await placements(t)).toEqual({
      ...expectedPlacements([o3]),
      [o1.id]: [[partitionOf(o1), moved.status, moved.date]],
    });
  });

  it('deletes a key found in any partition', async () => {
    const t = await table('deletes');
    await t.upsert(env.connection, source([o1, o2, o3]), GLOBAL);
    await t.delete(env.connection, select(moved), GLOBAL);
    expect(await placements(t)).toEqual(expectedPlacements([o2, o3]));
  });

  it('the non-global SIMPLE index keeps the record in both partitions (why tables whose partition can change need GLOBAL_SIMPLE), and GLOBAL_SIMPLE heals that', async () => {
    const t = await table('simple');
    await t.upsert(env.connection, source([o1, o3]));
    await t.upsert(env.connection, select(moved));
    const twice = await placements(t);
    expect(twice[o1.id]).toEqual([...expectedPlacements([o1])[o1.id]!, ...expectedPlacements([moved])[o1.id]!].sort());
    const again: Order = { ...moved, status: 'shipped', minute: 3 };
    await t.upsert(env.connection, select(again), GLOBAL);
    expect(await placements(t)).toEqual(expectedPlacements([again, o3]));
  });
});
