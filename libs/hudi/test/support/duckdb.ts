import { DuckDb } from '@autocorp/duckdb';
import type { DuckDBConnection } from '@duckdb/node-api';

/** An in-memory DuckDB connection for a test file; call close() in afterAll. */
export async function openDuckdb(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const db = await DuckDb.open({ threads: 2 });
  const connection = await db.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      db.close();
    },
  };
}

/** `(id, name, isActive)` tuples sorted by id, the shape the fixture README lists. */
export function tuples(rows: Record<string, unknown>[]): [number, string, boolean][] {
  return rows
    .map((r) => [Number(r['id']), String(r['name']), Boolean(r['isActive'])] as [number, string, boolean])
    .sort((a, b) => a[0] - b[0]);
}
