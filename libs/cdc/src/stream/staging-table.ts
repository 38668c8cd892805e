import type { DuckDBAppender } from '@duckdb/node-api';
import type { ParquetStage } from '../lake/parquet-stage';

/** Metadata columns of a staged change, before the table's values (c0, c1, ... as VARCHAR). */
const META_COLUMNS = '_arrival BIGINT, _subxid BIGINT, _op VARCHAR, _lsn BIGINT, _seq BIGINT, _ts BIGINT';

export type Op = 'I' | 'U' | 'D';

/**
 * A DuckDB table of changes in PostgreSQL's text form, filled through an appender, so large
 * batches and large streamed transactions live in DuckDB (spilling to disk), not in JS memory.
 */
export class StagingTable {
  rows = 0;
  bytes = 0;

  private constructor(
    private readonly stage: ParquetStage,
    readonly name: string,
    readonly columnCount: number,
    private appender: DuckDBAppender | undefined,
  ) {}

  static async create(stage: ParquetStage, name: string, columnCount: number): Promise<StagingTable> {
    const data = Array.from({ length: columnCount }, (_, i) => `, c${i} VARCHAR`).join('');
    await stage.run(`CREATE OR REPLACE TABLE ${name} (${META_COLUMNS}${data})`);
    return new StagingTable(stage, name, columnCount, await stage.appender(name));
  }

  append(arrival: bigint, subXid: number, op: Op, lsn: bigint, seq: number, commitMicros: bigint, values: readonly (string | null)[]): void {
    const appender = this.appender;
    if (!appender) throw new Error(`Staging table ${this.name} is already dropped.`);
    appender.appendBigInt(arrival);
    appender.appendBigInt(BigInt(subXid));
    appender.appendVarchar(op);
    appender.appendBigInt(lsn);
    appender.appendBigInt(BigInt(seq));
    appender.appendBigInt(commitMicros);
    for (let i = 0; i < this.columnCount; i++) {
      const value = values[i];
      if (value === null || value === undefined) appender.appendNull();
      else {
        appender.appendVarchar(value);
        this.bytes += value.length;
      }
    }
    appender.endRow();
    this.rows += 1;
  }

  /** Makes appended rows visible to queries. */
  flushAppends(): void {
    this.appender?.flushSync();
  }

  async drop(): Promise<void> {
    this.appender?.closeSync();
    this.appender = undefined;
    await this.stage.run(`DROP TABLE IF EXISTS ${this.name}`);
  }
}
