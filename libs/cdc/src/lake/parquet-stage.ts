import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDb, queryRowValues } from '@autocorp/duckdb';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

export interface ParquetStageOptions {
  /** The stage's own folder for its temporary files (spill, Parquet before upload), created here and removed by close(). */
  readonly folder: string;
  /** DuckDB memory limit before it spills to disk, e.g. `1GB`. */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

/**
 * An in-memory DuckDB (UTC on every connection) that stages rows (spilling to a temporary folder when large) and writes
 * Parquet files there, for the store to take over with `putFile`.
 */
export class ParquetStage {
  private fileCounter = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: DuckDb,
    private readonly connection: DuckDBConnection,
    /** Folder of this stage's temporary files; removed by close(). */
    readonly folder: string,
  ) {}

  static async open(options: ParquetStageOptions): Promise<ParquetStage> {
    const { folder } = options;
    const db = await DuckDb.open({
      threads: options.threads ?? 2,
      memoryLimit: options.memoryLimit ?? '1GB',
      tempDirectory: path.join(folder, 'spill'),
      preserveInsertionOrder: true,
    });
    return new ParquetStage(db, await db.connect(), folder);
  }

  /** Runs on the stage's own connection (where appenders live); calls are serialised. */
  run(sql: string): Promise<void> {
    return this.serialised(async () => {
      await this.connection.run(sql);
    });
  }

  rows(sql: string): Promise<Record<string, unknown>[]> {
    return this.serialised(() => queryRowValues(this.connection, sql));
  }

  /** Runs on a connection of its own, in parallel with other work (for self-contained statements such as COPY). */
  async runIsolated(sql: string): Promise<void> {
    await this.db.withConnection((connection) => connection.run(sql));
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  async appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  /** A fresh path in the stage folder for a file about to be written. */
  tempFile(extension: string): string {
    this.fileCounter += 1;
    return path.join(this.folder, `f${this.fileCounter}.${extension}`);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.db.close();
    await rm(this.folder, { recursive: true, force: true });
  }
}
