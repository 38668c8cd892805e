import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { type HudiTable, createTable } from '../src/index';

const env = useScratchDuckdb('fast-write');

/** `count` orders numbered from `first`, spread over three years, with a version-dependent status. */
const orders = (first: number, count: number, version: number) => `
  SELECT printf('INV-%06d', i) AS invoice_number, 2023 + i % 3 AS order_year, 'v${version}' AS status,
         TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (${version}) HOUR AS updated_at, CAST(i AS DECIMAL(12,2)) AS total
  FROM range(${first}, ${first + count}) t(i)`;

const fast = {
  bloomFilter: false,
  combineBeforeUpsert: false,
  recordSizeEstimate: 1024,
  maxFileSizeBytes: 200 * 1024,
} as const;

async function rows(table: HudiTable, sql = 'SELECT *'): Promise<Record<string, unknown>[]> {
  const fresh = await table.refresh();
  const reader = await env.connection.runAndReadAll(
    `${sql} FROM (${await fresh.sql({ type: 'snapshot' })}) ORDER BY _hoodie_record_key`,
  );
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

describe('writes without bloom filters (one partitioned pass for new file groups, direct merges)', () => {
  it('spreads new records over several file groups per partition with correct meta columns, stats and footers', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'orders'),
      tableName: 'orders',
      recordKeyFields: ['invoice_number'],
      precombineField: 'updated_at',
      partitionFields: ['order_year'],
      hiveStylePartitioning: true,
    });
    // 200 KiB files of 1 KiB records: 200 records per file, so 1,500 records make 3 partitions x 3 files.
    const first = await table.upsert(env.connection, orders(0, 1500, 1), fast);
    expect(first).toMatchObject({ numInserts: 1500, numUpdates: 0, numWrites: 1500 });
    expect(first.filesWritten).toHaveLength(9);
    const stored = await rows(table);
    expect(stored).toHaveLength(1500);
    expect(new Set(stored.map((r) => r['_hoodie_commit_time']))).toEqual(new Set([first.instant]));
    for (const path of first.filesWritten) {
      const file = join(table.basePath, path);
      const name = path.split('/').at(-1) as string;
      const inFile = (
        await env.connection.runAndReadAll(
          `SELECT _hoodie_file_name, _hoodie_partition_path, _hoodie_commit_seqno, order_year FROM read_parquet('${file}')`,
        )
      ).getRowObjectsJson();
      expect(inFile.length).toBeGreaterThan(0);
      expect(new Set(inFile.map((r) => r['_hoodie_file_name']))).toEqual(new Set([name]));
      expect(new Set(inFile.map((r) => `order_year=${String(r['order_year'])}`))).toEqual(
        new Set([path.split('/')[0]]),
      );
      const task = /_(\d+)-1-\d+_/.exec(name)?.[1];
      const seqnos = inFile
        .map((r) => String(r['_hoodie_commit_seqno']))
        .sort((a, b) => Number(a.split('_')[2]) - Number(b.split('_')[2]));
      expect(seqnos).toEqual(inFile.map((_, n) => `${first.instant}_${task}_${n}`));
      const footers = (
        await env.connection.runAndReadAll(`SELECT decode(key) AS key FROM parquet_kv_metadata('${file}')`)
      )
        .getRowObjectsJson()
        .map((r) => r['key']);
      expect(footers).toEqual(expect.arrayContaining(['parquet.avro.schema', 'writer.model.name']));
      expect(footers).not.toContain('org.apache.hudi.bloomfilter');
    }
    table = await table.refresh();
    const commit = await table.timeline.commitMetadata(table.timeline.completedWrites().at(-1)!);
    const stats = Object.values(commit.partitionToWriteStats).flat();
    expect(stats.reduce((n, s) => n + s.numInserts, 0)).toBe(1500);
    expect(stats.every((s) => s.fileSizeInBytes > 0 && s.numWrites === s.numInserts)).toBe(true);
    expect(await readdir(join(table.basePath, '.hoodie/.temp'))).toEqual([]);
  });

  it('merges updates, deletes and small-file inserts straight into rewritten file groups', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'merge'),
      tableName: 'merge',
      recordKeyFields: ['invoice_number'],
      precombineField: 'updated_at',
      partitionFields: ['order_year'],
      hiveStylePartitioning: true,
    });
    await table.upsert(env.connection, orders(0, 300, 1), { bloomFilter: false, combineBeforeUpsert: false });
    // 30 updates (a newer version), 20 updates with an older version (ignored), 15 new orders.
    const second = await table.upsert(
      env.connection,
      `${orders(0, 30, 2)} UNION ALL ${orders(100, 20, 0)} UNION ALL ${orders(300, 15, 2)}`,
      { bloomFilter: false, combineBeforeUpsert: false },
    );
    expect(second).toMatchObject({ numUpdates: 30, numInserts: 15, numWrites: 315 });
    table = await table.refresh();
    const deleted = await table.write(env.connection, 'delete', orders(290, 20, 3), { bloomFilter: false });
    expect(deleted.numDeletes).toBe(20);
    const stored = await rows(table, 'SELECT invoice_number, status, _hoodie_commit_time');
    expect(stored).toHaveLength(295);
    const status = Object.fromEntries(stored.map((r) => [r['invoice_number'], r['status']]));
    expect(status['INV-000000']).toBe('v2');
    expect(status['INV-000029']).toBe('v2');
    expect(status['INV-000100']).toBe('v1');
    expect(status['INV-000314']).toBe('v2');
    expect(status['INV-000290']).toBeUndefined();
    expect(status['INV-000300']).toBeUndefined();
    expect(stored.filter((r) => r['status'] === 'v1').every((r) => r['_hoodie_commit_time'] !== second.instant)).toBe(
      true,
    );
  });

  it('writes a table source into new file groups picked by key hash, without numbering the records first', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'hashed'),
      tableName: 'hashed',
      recordKeyFields: ['invoice_number'],
      precombineField: 'updated_at',
      partitionFields: ['order_year'],
      hiveStylePartitioning: true,
    });
    await env.connection.run(`CREATE OR REPLACE TABLE hashed_source AS ${orders(0, 1500, 1)}`);
    const first = await table.upsert(env.connection, 'hashed_source', fast);
    expect(first).toMatchObject({ numInserts: 1500, numUpdates: 0, numWrites: 1500 });
    expect(first.filesWritten).toHaveLength(9);
    const stored = await rows(
      table,
      'SELECT invoice_number, _hoodie_file_name, _hoodie_commit_seqno, _hoodie_partition_path, order_year',
    );
    expect(stored).toHaveLength(1500);
    expect(new Set(stored.map((r) => r['invoice_number'])).size).toBe(1500);
    expect(new Set(stored.map((r) => r['_hoodie_commit_seqno'])).size).toBe(1500);
    expect(stored.every((r) => r['_hoodie_partition_path'] === `order_year=${String(r['order_year'])}`)).toBe(true);
    const names = new Set(first.filesWritten.map((p) => p.split('/').at(-1)));
    expect(new Set(stored.map((r) => r['_hoodie_file_name']))).toEqual(names);
    table = await table.refresh();
    const commit = await table.timeline.commitMetadata(table.timeline.completedWrites().at(-1)!);
    const stats = Object.values(commit.partitionToWriteStats).flat();
    expect(stats.map((s) => s.numInserts).reduce((a, b) => a + b, 0)).toBe(1500);
    expect(stats.every((s) => s.numInserts > 100)).toBe(true);
    // A later upsert finds every key in its file group.
    await env.connection.run(`CREATE OR REPLACE TABLE hashed_changes AS ${orders(0, 1500, 2)}`);
    const second = await table.upsert(env.connection, 'hashed_changes', fast);
    expect(second).toMatchObject({ numInserts: 0, numUpdates: 1500 });
    expect((await rows(table, 'SELECT status')).every((r) => r['status'] === 'v2')).toBe(true);
  });
});
