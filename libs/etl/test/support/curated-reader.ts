import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { HudiTable } from '@autocorp/hudi';
import { jobByName } from '@autocorp/etl-jobs';

/** Reads curated tables of a local lake as the job's columns (no Hudi meta columns). */
export class CuratedReader {
  constructor(
    private readonly connection: DuckDBConnection,
    private readonly lakeRoot: string,
  ) {}

  async table(job: string): Promise<HudiTable> {
    return HudiTable.open(path.join(this.lakeRoot, 'curated', jobByName(job).hudi.tableName));
  }

  /** The snapshot as a SQL FROM item with the job's columns only. */
  async snapshotSql(job: string): Promise<string> {
    const columns = jobByName(job)
      .columns.map((c) => `"${c.name}"`)
      .join(', ');
    return `(SELECT ${columns} FROM (${await (await this.table(job)).sql({ type: 'snapshot' })}) s)`;
  }

  async rows(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  }

  /** Every row of the snapshot, ordered by the record key. */
  async snapshot(job: string): Promise<Record<string, unknown>[]> {
    const keys = jobByName(job)
      .hudi.recordKeyFields.map((k) => `"${k}"`)
      .join(', ');
    return this.rows(`SELECT * FROM ${await this.snapshotSql(job)} ORDER BY ${keys}`);
  }

  async count(sql: string): Promise<number> {
    const [row] = await this.rows(sql);
    return Number(Object.values(row ?? {})[0] ?? 0);
  }

  async commits(job: string): Promise<string[]> {
    return (await this.table(job)).commits();
  }
}
