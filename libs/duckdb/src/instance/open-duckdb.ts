import { mkdir } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DuckDbError } from '../duckdb-error';
import { type DuckDbOptions, creationSettings, globalSettingStatements } from './duckdb-options';

/** An in-memory DuckDB instance opened with {@link DuckDbOptions}; every connection shares its settings. */
export class DuckDb {
  private closed = false;

  private constructor(readonly instance: DuckDBInstance) {}

  /**
   * Opens an in-memory instance: creation settings (threads, memory, spill folder, insertion order,
   * the extensions policy), then the global ones (time zone, Parquet metadata cache, and for a
   * sandbox the allowed folders, external access off and the configuration locked).
   *
   * @example
   * const db = await DuckDb.open({ threads: 2, memoryLimit: '1GB', tempDirectory: spill });
   * const sandbox = await DuckDb.open({ externalAccess: { allowedDirectories: ['/lake/curated'] } });
   */
  static async open(options: DuckDbOptions = {}): Promise<DuckDb> {
    const settings = creationSettings(options);
    const statements = globalSettingStatements(options);
    if (options.tempDirectory !== undefined) await mkdir(options.tempDirectory, { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(':memory:', settings);
    } catch (error) {
      throw new DuckDbError(
        'open-failed',
        `DuckDB refused to open with ${JSON.stringify(settings)}: ${(error as Error).message}. Check the threads, memoryLimit and tempDirectory options.`,
        {
          cause: error,
        },
      );
    }
    try {
      const setup = await instance.connect();
      try {
        for (const statement of statements) {
          try {
            await setup.run(statement);
          } catch (error) {
            throw new DuckDbError(
              'open-failed',
              `DuckDB refused the setting \`${statement}\`: ${(error as Error).message}. Check the timeZone and externalAccess options.`,
              { cause: error },
            );
          }
        }
      } finally {
        setup.closeSync();
      }
    } catch (error) {
      instance.closeSync();
      throw error;
    }
    return new DuckDb(instance);
  }

  /** A new connection (its own temporary tables and views); close it with `closeSync()`. */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Runs `fn` on a new connection, closed afterwards.
   *
   * @example
   * const rows = await db.withConnection((c) => queryRows(c, 'SELECT 42 AS answer'));
   */
  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Closes the instance (idempotent). Connections still open stop working. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.instance.closeSync();
  }
}

/**
 * Runs `fn` with a connection to a fresh in-memory instance, both closed afterwards.
 *
 * @example
 * const columns = await withDuckDb({ threads: 2 }, (c) => queryRows(c, sql`DESCRIBE SELECT * FROM read_parquet(${file})`));
 */
export async function withDuckDb<T>(
  options: DuckDbOptions,
  fn: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const db = await DuckDb.open(options);
  try {
    return await db.withConnection(fn);
  } finally {
    db.close();
  }
}
