import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxedInstance } from '../src/executors/duckdb/sandboxed-instance';

describe("the DuckDB executor's sandbox", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'query-sandbox-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads only the given folders, with external access off, the configuration locked, Parquet footers cached and UTC', async () => {
    const table = path.join(root, 'curated', 'orders');
    const other = path.join(root, 'curated', 'orders_private');
    for (const folder of [table, other]) {
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'rows.csv'), `folder\n${path.basename(folder)}\n`);
    }
    const threads = 3;
    const sandbox = await SandboxedInstance.create([table], threads);
    const { connection, release } = await sandbox.acquire();
    try {
      const settings = (
        await connection.runAndReadAll(
          "SELECT current_setting('threads') AS threads, current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked, current_setting('parquet_metadata_cache') AS cached, current_setting('TimeZone') AS tz",
        )
      ).getRowObjectsJson()[0];
      expect(settings).toEqual({ threads: String(threads), external: false, locked: true, cached: true, tz: 'UTC' });
      const read = async (folder: string) =>
        (
          await connection.runAndReadAll(`SELECT folder FROM read_csv(${quoteLiteral(path.join(folder, 'rows.csv'))})`)
        ).getRowObjectsJson();
      expect(await read(table)).toEqual([{ folder: path.basename(table) }]);
      await expect(read(other)).rejects.toThrow(/Permission Error/);
      await expect(connection.run('SET GLOBAL enable_external_access = true')).rejects.toThrow(/locked/);
    } finally {
      release();
      sandbox.retire();
    }
  });
});
