import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetStage } from '../src/lake/parquet-stage';

describe('the CDC Parquet stage', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cdc-stage-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stages with its threads and memory limit, spills into its folder, keeps insertion order, is UTC on every connection, and removes its folder on close', async () => {
    const options = { folder: path.join(root, 'stage'), threads: 3, memoryLimit: '512MB' };
    const reference = await DuckDBInstance.create(':memory:', { memory_limit: options.memoryLimit });
    const referenceConnection = await reference.connect();
    const expectedMemory = (
      await referenceConnection.runAndReadAll("SELECT current_setting('memory_limit') AS m")
    ).getRowObjects()[0]?.['m'];
    referenceConnection.closeSync();
    reference.closeSync();

    const stage = await ParquetStage.open(options);
    const [settings] = await stage.rows(
      "SELECT current_setting('threads') AS threads, current_setting('memory_limit') AS memory, current_setting('temp_directory') AS spill, current_setting('preserve_insertion_order') AS ordered, current_setting('TimeZone') AS tz",
    );
    expect({ ...settings, threads: String(settings?.['threads']) }).toEqual({
      threads: String(options.threads),
      memory: expectedMemory,
      spill: path.join(options.folder, 'spill'),
      ordered: true,
      tz: 'UTC',
    });
    expect((await stat(path.join(options.folder, 'spill'))).isDirectory()).toBe(true);

    // A statement on a connection of its own sees UTC too: the wall clock of an instant is written as UTC.
    const instant = '2024-01-01T00:00:00+02:00';
    const csv = stage.tempFile('csv');
    await stage.runIsolated(
      `COPY (SELECT strftime(TIMESTAMPTZ ${quoteLiteral(instant)}, '%H') AS hour) TO ${quoteLiteral(csv)} (FORMAT csv, HEADER false)`,
    );
    expect(Number((await readFile(csv, 'utf8')).trim())).toBe(new Date(instant).getUTCHours());

    await stage.close();
    await expect(stat(options.folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
