import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb, EXTENSIONS_POLICY, type DuckDbOptions, queryRows, quoteLiteral, sql, withDuckDb } from '../src/index';

const SETTINGS = [
  'threads',
  'memory_limit',
  'temp_directory',
  'preserve_insertion_order',
  'TimeZone',
  'parquet_metadata_cache',
  'enable_external_access',
  'lock_configuration',
];

/** The instance's settings as DuckDB reports them, read on a fresh connection. */
async function settingsOf(db: DuckDb): Promise<Record<string, unknown>> {
  const select = `SELECT ${SETTINGS.map((name) => `current_setting(${quoteLiteral(name)}) AS ${name}`).join(', ')}`;
  return db.withConnection(async (connection) => (await queryRows(connection, select))[0] ?? {});
}

/** What DuckDB itself reports for a raw setting, from an instance created directly with it (the reference). */
async function reference(name: string, value: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:', { [name]: value });
  const connection = await instance.connect();
  try {
    return (
      await connection.runAndReadAll(`SELECT current_setting(${quoteLiteral(name)}) AS v`)
    ).getRowObjectsJson()[0]?.['v'];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('DuckDb.open', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'autocorp-duckdb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('applies threads, memory limit, spill folder, insertion order and time zone, as DuckDB reads them back', async () => {
    const options: DuckDbOptions = {
      threads: 3,
      memoryLimit: '1GB',
      tempDirectory: path.join(dir, 'spill', 'nested'),
      preserveInsertionOrder: false,
      timeZone: 'America/New_York',
    };
    const defaults = await DuckDb.open();
    const db = await DuckDb.open(options);
    try {
      const before = await settingsOf(defaults);
      const after = await settingsOf(db);
      expect(after['threads']).toBe(String(options.threads));
      expect(after['memory_limit']).toBe(await reference('memory_limit', options.memoryLimit as string));
      expect(after['memory_limit']).not.toBe(before['memory_limit']);
      expect(after['temp_directory']).toBe(options.tempDirectory);
      expect((await stat(options.tempDirectory as string)).isDirectory()).toBe(true);
      expect(after['preserve_insertion_order']).toBe(false);
      expect(before['preserve_insertion_order']).toBe(true);
      expect(after['TimeZone']).toBe(options.timeZone);
      expect(before['TimeZone']).toBe('UTC');
      expect(before['enable_external_access']).toBe(true);
    } finally {
      db.close();
      defaults.close();
    }
  });

  it('applies the extensions policy: nothing is downloaded, no community extension, bundled json and parquet load', async () => {
    await withDuckDb({}, async (connection) => {
      const names = Object.keys(EXTENSIONS_POLICY);
      const [row] = await queryRows(
        connection,
        `SELECT ${names.map((name) => `current_setting(${quoteLiteral(name)}) AS ${name}`).join(', ')}`,
      );
      expect(row).toEqual(
        Object.fromEntries(Object.entries(EXTENSIONS_POLICY).map(([name, value]) => [name, value === 'true'])),
      );
      const file = path.join(dir, 'policy.parquet');
      await connection.run(sql`COPY (SELECT json_object('k', 1)::VARCHAR AS j) TO ${file} (FORMAT parquet)`.text);
      expect(await queryRows(connection, sql`SELECT j FROM read_parquet(${file})`)).toEqual([{ j: '{"k":1}' }]);
    });
  });

  it('a sandbox reads only its folders (not a sibling sharing their prefix) and its configuration cannot be loosened', async () => {
    const lake = path.join(dir, 'lake');
    const sibling = path.join(dir, 'lake2');
    await mkdir(lake, { recursive: true });
    await mkdir(sibling, { recursive: true });
    const inside = 'inside the lake';
    await writeFile(path.join(lake, 'in.csv'), `a\n${inside}\n`);
    await writeFile(path.join(sibling, 'out.csv'), 'a\n2\n');
    const db = await DuckDb.open({
      threads: 1,
      parquetMetadataCache: true,
      externalAccess: { allowedDirectories: [lake, lake] },
    });
    try {
      const settings = await settingsOf(db);
      expect(settings).toMatchObject({
        enable_external_access: false,
        lock_configuration: true,
        parquet_metadata_cache: true,
        TimeZone: 'UTC',
      });
      await db.withConnection(async (connection) => {
        const allowed = (await queryRows(connection, "SELECT current_setting('allowed_directories') AS a"))[0]?.[
          'a'
        ] as string[];
        expect(allowed).toContain(`${lake}/`);
        expect(allowed).not.toContain(`${sibling}/`);
        expect(await queryRows(connection, sql`SELECT a FROM read_csv(${path.join(lake, 'in.csv')})`)).toEqual([
          { a: inside },
        ]);
        await expect(
          connection.run(sql`SELECT a FROM read_csv(${path.join(sibling, 'out.csv')})`.text),
        ).rejects.toThrow(/Permission Error|not allowed/i);
        await expect(connection.run('SET GLOBAL enable_external_access = true')).rejects.toThrow(/locked/);
        await expect(
          connection.run(sql`SET GLOBAL allowed_directories = ${sql.list([`${sibling}/`])}`.text),
        ).rejects.toThrow(/locked/);
      });
    } finally {
      db.close();
    }
  });

  it('refuses bad options with a DuckDbError that names them and keeps DuckDB’s cause', async () => {
    await expect(DuckDb.open({ threads: 0 })).rejects.toMatchObject({
      kind: 'invalid-option',
      message: expect.stringContaining('threads'),
    });
    await expect(DuckDb.open({ externalAccess: { allowedDirectories: ['relative/lake'] } })).rejects.toMatchObject({
      kind: 'invalid-option',
      message: expect.stringContaining('relative/lake'),
    });
    const badMemory = await DuckDb.open({ memoryLimit: 'plenty' }).catch((error: unknown) => error);
    expect(badMemory).toMatchObject({ kind: 'open-failed', message: expect.stringContaining('plenty') });
    expect((badMemory as Error).cause).toBeInstanceOf(Error);
    await expect(DuckDb.open({ timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({
      kind: 'open-failed',
      message: expect.stringContaining('Mars/Olympus_Mons'),
    });
  });

  it('withDuckDb closes the instance after the callback, also when it throws', async () => {
    let kept: DuckDBConnection | undefined;
    await expect(
      withDuckDb({ threads: 1 }, async (connection) => {
        kept = connection;
        throw new Error('callback failed');
      }),
    ).rejects.toThrow('callback failed');
    await expect((kept as DuckDBConnection).run('SELECT 1')).rejects.toThrow();
  });
});
