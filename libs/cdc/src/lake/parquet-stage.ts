import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface ParquetStageOptions {
  /** The stage's own folder for its temporary files (spill, Parquet before upload), created here and removed by close(). */
  readonly folder: string;
  /** DuckDB memory limit before it spills to disk, e.g. `1GB`. */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

/**
 * An in-memory DuckDB that stages rows (spilling to a temporary folder when large) and writes
 * Parquet files there, for the store to take over with `putFile`.
 */
export class ParquetStage {
  private fileCounter = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Folder of this stage's temporary files; removed by close(). */
    readonly folder: string,
  ) {}

  static async open(options: ParquetStageOptions): Promise<ParquetStage> {
    const { folder } = options;
    await mkdir(path.join(folder, 'spill'), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '1GB',
      temp_directory: path.join(folder, 'spill'),
      preserve_insertion_order: 'true',
    });
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    return new ParquetStage(instance, connection, folder);
  }

  /** Runs on the stage's own connection (where appenders live); calls are serialised. */
  run(sql: string): Promise<void> {
    return this.serialised(async () => {
      await this.connection.run(sql);
    });
  }

  rows(sql: string): Promise<Record<string, unknown>[]> {
    return this.serialised(async () => (await this.connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[]);
  }

  /** Runs on a connection of its own, in parallel with other work (for self-contained statements such as COPY). */
  async runIsolated(sql: string): Promise<void> {
    const connection = await this.instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      await connection.run(sql);
    } finally {
      connection.closeSync();
    }
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
    this.instance.closeSync();
    await rm(this.folder, { recursive: true, force: true });
  }
}
