import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/index';

const SETTINGS = [
  'threads',
  'memory_limit',
  'temp_directory',
  'preserve_insertion_order',
  'TimeZone',
  'autoinstall_known_extensions',
];

describe('the ETL run session', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'etl-duckdb-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('runs with its threads, memory limit, a spill folder of its own (removed on close), insertion order kept and UTC', async () => {
    const options = { threads: 3, memoryLimit: '1GB', tempRoot: root };
    const reference = await DuckDBInstance.create(':memory:', { memory_limit: options.memoryLimit });
    const referenceConnection = await reference.connect();
    const expectedMemory = (
      await referenceConnection.runAndReadAll("SELECT current_setting('memory_limit') AS m")
    ).getRowObjectsJson()[0]?.['m'];
    referenceConnection.closeSync();
    reference.closeSync();

    const db = await EtlDuckDb.open(options);
    const [settings] = await db.rows(`SELECT ${SETTINGS.map((s) => `current_setting('${s}') AS ${s}`).join(', ')}`);
    const spill = String(settings?.['temp_directory']);
    expect(settings).toMatchObject({
      threads: String(options.threads),
      memory_limit: expectedMemory,
      preserve_insertion_order: true,
      TimeZone: 'UTC',
      autoinstall_known_extensions: false,
    });
    expect(path.dirname(spill)).toBe(root);
    expect((await stat(spill)).isDirectory()).toBe(true);
    await db.close();
    await expect(stat(spill)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
