import { rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DuckDb, queryCount, queryRows } from '@autocorp/duckdb';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface EtlDuckDbOptions {
  readonly threads?: number;
  /** DuckDB memory_limit; default 40 % of the machine's memory, at least 4 GB (scale-1 jobs spill below that). */
  readonly memoryLimit?: string;
  /** Parent of the spill folder; default the OS temp folder. */
  readonly tempRoot?: string;
}

/** An in-memory DuckDB for one ETL run: UTC session, bounded memory, spill to a temp folder (removed by close). */
export class EtlDuckDb {
  /** Statements run through run/rows/count so far (the phase clock of a job run reads it). */
  statements = 0;

  private constructor(
    private readonly db: DuckDb,
    readonly connection: DuckDBConnection,
    private readonly spillFolder: string,
  ) {}

  static async open(options: EtlDuckDbOptions = {}): Promise<EtlDuckDb> {
    const spill = path.join(options.tempRoot ?? tmpdir(), `autocorp-etl-${randomUUID()}`);
    const db = await DuckDb.open({
      threads: options.threads ?? 2,
      memoryLimit: options.memoryLimit ?? defaultMemoryLimit(),
      tempDirectory: spill,
      preserveInsertionOrder: true,
    });
    return new EtlDuckDb(db, await db.connect(), spill);
  }

  async run(sql: string): Promise<void> {
    this.statements++;
    await this.connection.run(sql);
  }

  /** Rows in JSON-safe form (BIGINT and DECIMAL as strings). */
  rows(sql: string): Promise<Record<string, unknown>[]> {
    this.statements++;
    return queryRows(this.connection, sql);
  }

  /** The first column of the first row as a number (counts). */
  count(sql: string): Promise<number> {
    this.statements++;
    return queryCount(this.connection, sql);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.db.close();
    await rm(this.spillFolder, { recursive: true, force: true });
  }
}

function defaultMemoryLimit(): string {
  return `${Math.max(4, Math.floor((totalmem() / 2 ** 30) * 0.4))}GB`;
}
