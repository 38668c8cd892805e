import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { openDuckdb } from './duckdb';
import { scratch } from './fixtures';

export interface ScratchDuckdb {
  /** An in-memory DuckDB connection, open for the whole test file. */
  readonly connection: DuckDBConnection;
  /** A fresh temporary folder for the file's tables, removed afterwards. */
  readonly dir: string;
}

/** Registers beforeAll/afterAll hooks giving a test file a DuckDB connection and a scratch folder. */
export function useScratchDuckdb(prefix: string): ScratchDuckdb {
  let connection: DuckDBConnection | undefined;
  let dir: string | undefined;
  let close = () => undefined as void;
  let cleanup = async () => undefined as void;
  beforeAll(async () => {
    const db = await openDuckdb();
    connection = db.connection;
    close = db.close;
    ({ dir, cleanup } = await scratch(prefix));
  });
  afterAll(async () => {
    close();
    await cleanup();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside tests (after beforeAll)`);
    return value;
  };
  return {
    get connection() {
      return ready(connection, 'connection');
    },
    get dir() {
      return ready(dir, 'dir');
    },
  };
}
