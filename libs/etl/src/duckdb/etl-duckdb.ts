import { mkdir, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface EtlDuckDbOptions {
  readonly threads?: number;
  /** DuckDB memory_limit; default 40 % of the machine's memory, at least 4 GB (scale-1 jobs spill below that). */
  readonly memoryLimit?: string;
  /** Parent of the spill folder; default the OS temp folder. */
  readonly tempRoot?: string;
}

/** An in-memory DuckDB for one ETL run: UTC session, bounded memory, spill to a temp folder. */
export class EtlDuckDb {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly spillFolder: string,
  ) {}

  static async open(options: EtlDuckDbOptions = {}): Promise<EtlDuckDb> {
    const spill = path.join(options.tempRoot ?? tmpdir(), `autocorp-etl-${randomUUID()}`);
    await mkdir(spill, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
      temp_directory: spill,
      preserve_insertion_order: 'true',
    });
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    return new EtlDuckDb(instance, connection, spill);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Rows in JSON-safe form (BIGINT and DECIMAL as strings). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  /** The first column of the first row as a number (counts). */
  async count(sql: string): Promise<number> {
    const rows = await this.rows(sql);
    const first = rows[0];
    return first ? Number(Object.values(first)[0] ?? 0) : 0;
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.spillFolder, { recursive: true, force: true });
  }
}

function defaultMemoryLimit(): string {
  return `${Math.max(4, Math.floor((totalmem() / 2 ** 30) * 0.4))}GB`;
}
