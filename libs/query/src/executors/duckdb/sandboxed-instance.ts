import { DuckDb } from '@autocorp/duckdb';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * One in-memory DuckDB that can read only the given folders: external access off except
 * `allowed_directories`, UTC session time zone, Parquet metadata cached (base files are immutable:
 * a Hudi write adds new files, it never rewrites one), and the configuration locked so no query can
 * loosen it. Queries share it, each on its own connection (its own temporary views).
 */
export class SandboxedInstance {
  private active = 0;
  private retired = false;
  private closed = false;

  private constructor(
    /** The sorted folders this instance may read, joined: instances are reused while it stays the same. */
    readonly key: string,
    private readonly db: DuckDb,
  ) {}

  static keyOf(folders: readonly string[]): string {
    return [...new Set(folders)].sort().join('\n');
  }

  static async create(folders: readonly string[], threads: number): Promise<SandboxedInstance> {
    const db = await DuckDb.open({
      threads,
      parquetMetadataCache: true,
      externalAccess: { allowedDirectories: folders },
    });
    return new SandboxedInstance(SandboxedInstance.keyOf(folders), db);
  }

  /** A new connection for one query; call `release` when the query is done. */
  async acquire(): Promise<{ connection: DuckDBConnection; release: () => void }> {
    this.active++;
    try {
      const connection = await this.db.connect();
      let released = false;
      return {
        connection,
        release: () => {
          if (released) return;
          released = true;
          connection.closeSync();
          this.active--;
          this.closeIfIdle();
        },
      };
    } catch (error) {
      this.active--;
      this.closeIfIdle();
      throw error;
    }
  }

  /** No new queries: closes now, or when the running ones finish. */
  retire(): void {
    this.retired = true;
    this.closeIfIdle();
  }

  private closeIfIdle(): void {
    if (this.retired && this.active === 0 && !this.closed) {
      this.closed = true;
      this.db.close();
    }
  }
}
