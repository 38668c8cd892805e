import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTable } from '@autocorp/hudi';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HudiTableCache } from '../src/executors/duckdb/hudi-table-cache';

describe('HudiTableCache', () => {
  let dir: string;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'query-cache-test-'));
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(async () => {
    connection.closeSync();
    instance.closeSync();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps an open table while its timeline is unchanged and lists it again after every new commit', async () => {
    const basePath = path.join(dir, 'parts');
    const table = await createTable({
      basePath,
      tableName: 'parts',
      recordKeyFields: ['sku'],
      precombineField: 'updated_at',
      partitionFields: [],
      hiveStylePartitioning: true,
    });
    await table.write(
      connection,
      'upsert',
      "SELECT 'A' AS sku, 1 AS price, TIMESTAMP '2024-01-01 00:00:00' AS updated_at",
    );
    const cache = new HudiTableCache();
    const first = await cache.open(basePath);
    expect(await cache.open(basePath)).toBe(first);
    expect(first.commits()).toHaveLength(1);

    await table.write(
      connection,
      'upsert',
      "SELECT 'A' AS sku, 2 AS price, TIMESTAMP '2024-01-02 00:00:00' AS updated_at",
    );
    const second = await cache.open(basePath);
    expect(second).not.toBe(first);
    expect(second.commits()).toHaveLength(2);
    expect(await second.readJson(connection, { type: 'snapshot' }, { columns: ['sku', 'price'] })).toEqual([
      { sku: 'A', price: 2 },
    ]);
    expect(await cache.open(basePath)).toBe(second);
  });

  it('does not keep a failed open: a folder that becomes a table later opens then', async () => {
    const basePath = path.join(dir, 'later');
    const cache = new HudiTableCache();
    await expect(cache.open(basePath)).rejects.toMatchObject({ kind: 'not-a-table' });
    const table = await createTable({
      basePath,
      tableName: 'later',
      recordKeyFields: ['id'],
      precombineField: 'v',
      partitionFields: [],
      hiveStylePartitioning: true,
    });
    await table.write(connection, 'upsert', 'SELECT 1 AS id, 1 AS v');
    expect((await cache.open(basePath)).commits()).toHaveLength(1);
  });
});
