import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { LocalObjectStore } from '@autocorp/lake-storage';

export interface TestLake {
  readonly dir: string;
  readonly store: LocalObjectStore;
  readonly catalogDir: string;
  /** Writes the result of a DuckDB query as a Parquet or CSV object under `key`. */
  writeQuery(key: string, sql: string, format: 'parquet' | 'csv'): Promise<void>;
  close(): Promise<void>;
}

export async function createTestLake(): Promise<TestLake> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-test-'));
  const store = new LocalObjectStore(path.join(dir, 'lake'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    dir,
    store,
    catalogDir: path.join(dir, 'catalog'),
    async writeQuery(key, sql, format) {
      const temp = path.join(dir, `tmp-${Math.random().toString(36).slice(2)}.${format}`);
      const options = format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
      await connection.run(`COPY (${sql}) TO '${temp}' ${options}`);
      await store.putFile(key, temp, { move: true });
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
