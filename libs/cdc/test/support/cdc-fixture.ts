import { chmod, mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import {
  migrate,
  startThrowawayPostgres,
  type ThrowawayPostgres,
  type ThrowawayPostgresOptions,
} from '@autocorp/source-db';
import pg from 'pg';

/** A real PostgreSQL (own port and folder), a local lake folder opened through lake-storage, and helpers. */
export interface CdcFixture {
  readonly server: ThrowawayPostgres;
  readonly connection: pg.ClientConfig;
  readonly pool: pg.Pool;
  readonly store: ObjectStore;
  readonly lakeDir: string;
  readonly lakeUri: string;
  query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Every raw row of a table (full load and CDC files), in change order (commit LSN, seq). */
  rawRows(table: string, options?: { cdcOnly?: boolean }): Promise<Record<string, unknown>[]>;
  duck(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startCdcFixture(
  options: ThrowawayPostgresOptions & { schema?: boolean } = {},
): Promise<CdcFixture> {
  const server = await startThrowawayPostgres(options);
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  pool.on('error', () => undefined);
  if (options.schema !== false) await migrate({ pool, displayAddress: server.url });
  const root = path.join('/tmp', `autocorp-cdc-test-${randomUUID()}`);
  await mkdir(root, { recursive: true, mode: 0o777 });
  await chmod(root, 0o777);
  const lakeDir = path.join(root, 'lake');
  await mkdir(lakeDir, { recursive: true });
  const lakeUri = pathToFileURL(lakeDir).href;
  const store = openObjectStore(lakeUri);
  const instance = await DuckDBInstance.create(':memory:');
  const duckConnection = await instance.connect();
  await duckConnection.run("SET TimeZone = 'UTC'");
  const duck = async (sql: string) =>
    (await duckConnection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  return {
    server,
    connection: server.connectionConfig,
    pool,
    store,
    lakeDir,
    lakeUri,
    async query(sql, params) {
      return (await pool.query(sql, params)).rows;
    },
    async rawRows(table, rawOptions = {}) {
      const keys: string[] = [];
      for await (const info of store.list(`raw/database/pg_${table}/`)) {
        if (info.key.endsWith('.parquet') && !(rawOptions.cdcOnly && /\/LOAD\d+\.parquet$/.test(info.key)))
          keys.push(info.key);
      }
      if (keys.length === 0) return [];
      const files = keys.map((k) => `'${store.localPath(k)}'`).join(', ');
      return duck(
        `SELECT * FROM read_parquet([${files}], union_by_name = true, filename = true, file_row_number = true) ORDER BY _cdc_commit_lsn, _cdc_seq, filename, file_row_number`,
      );
    },
    duck,
    async close() {
      duckConnection.closeSync();
      instance.closeSync();
      await pool.end().catch(() => undefined);
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
